// OCOP showcase benchmark (issue 20): in one run, with the same load tool and settings (autocannon,
// 50 connections, keep-alive, in its own process, phone headers with gzip), GET /health/live versus
// the warm catalogue page of a province with 500 OCOP products and the warm producer page; and the
// HTML size of that catalogue's first page (60 products a page, images lazy) with and without gzip.
// Goal: warm pages ≥ 0.5× /health/live requests/s; a catalogue page ≤ 60 KB of HTML.
// Run: node --import @swc-node/register/esm-register bench/showcase.bench.ts [seconds] [rounds]
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createBenchEnvironment } from './bench-environment.js';
import { createProgrammeOffice, grantOversight, signupOrganization } from '../libs/testing/src/index.js';
import { searchKey } from '../libs/traceability/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';

const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
const PRODUCTS = 500;
const HEADERS = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Mozilla/5.0 (Linux; Android 11; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
};
const RUNNER = `
const autocannon = require('autocannon');
const { url, duration, headers } = JSON.parse(process.argv[1]);
let n = 0;
autocannon({ url, connections: 50, duration, headers,
  requests: [{ setupRequest: (r) => ({ ...r, headers: { ...r.headers, 'x-forwarded-for': '198.18.' + ((n >> 8) & 3) + '.' + (n++ & 255) } }) }],
}, (error, result) => { if (error) throw error; process.stdout.write(JSON.stringify(result)); });
`;

async function load(url: string, duration: number): Promise<{ rps: number; p99: number; non2xx: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', RUNNER, JSON.stringify({ url, duration, headers: HEADERS })], { maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(stdout);
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const env = await createBenchEnvironment('showcase', { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000', PUBLIC_BASE_URL: 'https://nguon.example' });
try {
  const api = await createApiApp(env.config);
  await api.init();
  await api.listen(0, '127.0.0.1');
  const origin = await api.getUrl();
  const server = api.getHttpServer();
  try {
    const t = { app: api, server };
    const office = await createProgrammeOffice(t, { province: 'Điện Biên' });
    const coops = [];
    for (let i = 0; i < 10; i++) {
      const coop = await signupOrganization(server, { province: 'Điện Biên' });
      await grantOversight(server, office, coop);
      await request(server).put('/api/v1/organization/public-profile').set(coop.auth).send({ listed: true, storyVi: 'Hợp tác xã trên núi Tủa Chùa, chè Shan tuyết cổ thụ.' }).expect(200);
      coops.push(coop);
    }
    const db = api.get(DataSource);
    for (let i = 0; i < PRODUCTS; i++) {
      const org = coops[i % coops.length].organizationId;
      const name = `Chè Shan tuyết cổ thụ Tủa Chùa loại ${i + 1}`;
      const [row] = await db.query(`INSERT INTO product (organization_id, name_vi, name_search, unit, ocop_group, photo_key) VALUES ($1, $2, $3, 'kg', $4, $5) RETURNING id`, [
        org, name, searchKey(name), (i % 6) + 1, `${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '')}.webp`,
      ]);
      await db.query(
        `INSERT INTO certification (organization_id, kind, level, issuing_level, number, issuer, issued_at, expires_at, scope_type, scope_id)
         VALUES ($1, 'ocop', $2, 'provincial', $3, 'UBND tỉnh Điện Biên', '2025-01-01', '2028-12-31', 'product', $4)`,
        [org, 3 + (i % 3), `${i}/QĐ-UBND`, row.id],
      );
    }
    const catalogue = '/ocop/11';
    const producer = `/ocop/11/producers/${coops[0].organizationId}`;
    const page = await request(server).get(catalogue).set('accept', 'text/html').expect(200);
    const htmlBytes = Buffer.byteLength(page.text);
    const cases: [string, string][] = [['GET /health/live', '/health/live'], ['catalogue, warm (GET /ocop/11, 500 products, page 1)', catalogue], ['producer page, warm', producer]];
    const runs = cases.map(() => [] as { rps: number; p99: number; non2xx: number }[]);
    for (let round = 1; round <= rounds; round++) {
      for (const [i, [name, path]] of cases.entries()) {
        await load(origin + path, 1);
        const figures = await load(origin + path, seconds);
        runs[i].push(figures);
        console.log(`round ${round}: ${name}: ${Math.round(figures.rps)} req/s, p99 ${figures.p99} ms, non-2xx ${figures.non2xx}`);
      }
    }
    const base = median(runs[0].map((f) => f.rps));
    console.log(`\nShowcase benchmark — autocannon, 50 connections, ${seconds} s × ${rounds} rounds (medians), Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`);
    console.log('| endpoint | req/s | × /health/live | p99 ms |');
    console.log('|---|---:|---:|---:|');
    for (const [i, [name]] of cases.entries()) {
      const rps = median(runs[i].map((f) => f.rps));
      console.log(`| ${name} | ${Math.round(rps)} | ${(rps / base).toFixed(2)} | ${median(runs[i].map((f) => f.p99))} |`);
    }
    console.log(`\nCatalogue of ${PRODUCTS} products, page 1: ${(htmlBytes / 1024).toFixed(1)} KB of HTML (${(gzipSync(page.text).length / 1024).toFixed(1)} KB gzipped); goal ≤ 60 KB: ${htmlBytes <= 60 * 1024 ? 'met' : 'NOT met'}`);
    for (const [i, [name]] of cases.entries()) if (i) console.log(`Goal ≥ 0.5× /health/live, ${name}: ${median(runs[i].map((f) => f.rps)) >= 0.5 * base ? 'met' : 'NOT met'}`);
  } finally {
    await api.close();
  }
} finally {
  await env.dispose();
}
