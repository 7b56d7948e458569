// Public lot page benchmark (issues 6 and 12): in one run, with the same load tool and settings
// (autocannon, 50 connections, keep-alive, in its own process), GET /health/live (the cheapest route
// of the API) versus the public lot page with a warm cache kept current by PostgreSQL notifications
// (no database round trip), versus the same page in the way before notifications (every request asks
// PostgreSQL for the page's version: `trustNotifications = false`), versus the page with the cache off
// (every request reads the genealogy from PostgreSQL and renders). Also the page of one label (serial),
// which adds the per-label block, and a crowd at a fixed 1,000 requests/s.
// The API runs in this process against a scratch database on real PostgreSQL and Redis; the lot is
// the genealogy (two harvests → merged → milled → packed → shipped), built through the API.
// Every request carries a phone browser's headers (Accept, Accept-Language, Accept-Encoding: gzip,
// an Android User-Agent) and an X-Forwarded-For from a pool of 1,000 addresses, so that no per-IP
// limit is what gets measured (the API trusts the proxy header). The cases run in interleaved rounds
// and the medians are reported, so a machine shared with other work skews them all alike.
// Goal: warm page ≥ 0.5× /health/live requests/s (aim ≥ 0.8×), p99 ≤ 10 ms.
// Run: node --import @swc-node/register/esm-register bench/public-page.bench.ts [seconds] [rounds]
//   (default 10 s per measurement, 3 rounds; TEST_DATABASE_ADMIN_URL and TEST_REDIS_URL as for the tests)
import 'reflect-metadata';
import { createBenchEnvironment } from './bench-environment.js';
import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import { PublicPageService } from '../apps/api/src/public/pages/public-page.service.js';
import { buildGenealogy, decodeQr, printLabels } from '../libs/testing/src/index.js';
import { createApiApp } from '../apps/api/src/app.factory.js';
import { createWorkerApp } from '../apps/worker/src/worker.factory.js';

const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
const CONNECTIONS = 50;
const FIXED_RATE = 1000;
const PHONE_HEADERS = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'Mozilla/5.0 (Linux; Android 11; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
};
const BASE = 'https://nguon.example';

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  kbPerRequest: number;
}

/** autocannon in its own process (so the load generator does not share the server's event loop), one client address per request. */
const RUNNER = `
const autocannon = require('autocannon');
const { url, connections, duration, rate, headers } = JSON.parse(process.argv[1]);
let n = 0;
autocannon({
  url, connections, duration, headers, ...(rate ? { overallRate: rate } : {}),
  requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'x-forwarded-for': '198.18.' + ((n >> 8) & 3) + '.' + (n++ & 255) } }) }],
}, (error, result) => {
  if (error) throw error;
  process.stdout.write(JSON.stringify(result));
});
`;

async function load(url: string, duration: number, rate?: number, headers: Record<string, string> = PHONE_HEADERS): Promise<Figures> {
  const options = JSON.stringify({ url, connections: CONNECTIONS, duration, rate, headers });
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', RUNNER, options], { maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(stdout);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    kbPerRequest: result.throughput.average / result.requests.average / 1024,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const loadAverage = () => (os.loadavg()[0]).toFixed(1);

const env = await createBenchEnvironment('public', {
  // The load generator's 1,000 addresses share 50 connections: no per-IP limit must be what is measured.
  PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
  PUBLIC_BASE_URL: BASE,
});
const { runId, config } = env;

try {
  const api = await createApiApp(config);
  const worker = await createWorkerApp(config);
  await api.listen(0, '127.0.0.1');
  const origin = await api.getUrl();
  try {
    const g = await buildGenealogy(api.getHttpServer(), runId.toUpperCase().slice(0, 10));
    const { pdf } = await printLabels(api.getHttpServer(), g.org, g.packed.id, 1);
    const labelPath = (await decodeQr(pdf, 1)).slice(BASE.length);
    await worker.close();
    const lotPath = `/01/${g.gtin}/10/${g.packed.code}`;
    const pages = api.get(PublicPageService);

    // Saturating runs (as fast as 50 connections go) measure throughput; their latency is mostly
    // queueing (50 in flight ÷ throughput). The fixed-rate runs — a crowd of 1,000 scans a second —
    // measure the latency a phone sees when the server is busy but not saturated.
    const notifications = () => {
      pages.cacheEnabled = true;
      pages.trustNotifications = true;
    };
    const probing = () => {
      pages.cacheEnabled = true;
      pages.trustNotifications = false;
    };
    const cases: [string, string, () => void, number?][] = [
      ['GET /health/live', '/health/live', () => undefined],
      ['lot page, warm cache, kept current by notifications (GET /01/{gtin}/10/{lot}, HTML)', lotPath, notifications],
      ['lot page, warm cache, version asked of PostgreSQL at every request (before)', lotPath, probing],
      ['label page, warm cache, notifications (… /21/{serial}, HTML)', labelPath, notifications],
      ['lot page, cache off (every request from PostgreSQL)', lotPath, () => (pages.cacheEnabled = false)],
      ['GET /health/live at a fixed 1,000 req/s', '/health/live', () => undefined, FIXED_RATE],
      ['lot page, warm cache, notifications, at a fixed 1,000 req/s', lotPath, notifications, FIXED_RATE],
    ];
    const loadBefore = loadAverage();
    const runs: Figures[][] = cases.map(() => []);
    for (let round = 1; round <= rounds; round++) {
      for (const [i, [name, path, setup, rate]] of cases.entries()) {
        setup();
        await load(origin + path, 2, rate); // warm-up: JIT, connection pool, cache
        const figures = await load(origin + path, seconds, rate);
        runs[i].push(figures);
        console.log(`round ${round}: ${name}: ${Math.round(figures.requestsPerSecond)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms`);
      }
    }
    notifications();
    if (!pages.notificationsLive) console.log('WARNING: the notifications were not live at the end: the figures may not be what they say');

    const summary = runs.map((list) => ({
      requestsPerSecond: median(list.map((f) => f.requestsPerSecond)),
      p50: median(list.map((f) => f.p50)),
      p99: median(list.map((f) => f.p99)),
      max: Math.max(...list.map((f) => f.max)),
      kbPerRequest: median(list.map((f) => f.kbPerRequest)),
      non2xx: list.reduce((sum, f) => sum + f.non2xx, 0),
      errors: list.reduce((sum, f) => sum + f.errors, 0),
    }));
    const trivial = summary[0].requestsPerSecond;
    console.log(
      `\nPublic lot page benchmark — autocannon, ${CONNECTIONS} connections, keep-alive, ${seconds} s × ${rounds} interleaved rounds (medians), ` +
        `Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadBefore} → ${loadAverage()}`,
    );
    console.log('| endpoint | req/s | × /health/live | p50 ms | p99 ms | max ms | KB/response (gzip) | non-2xx | errors |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [i, [name]] of cases.entries()) {
      const f = summary[i];
      console.log(
        `| ${name} | ${Math.round(f.requestsPerSecond)} | ${(f.requestsPerSecond / trivial).toFixed(2)} | ${f.p50} | ${f.p99} | ${f.max} | ${f.kbPerRequest.toFixed(1)} | ${f.non2xx} | ${f.errors} |`,
      );
    }
    const perRound = (i: number) => runs[i].map((f, round) => (f.requestsPerSecond / runs[0][round].requestsPerSecond).toFixed(2)).join(', ');
    console.log(`\nwarm lot page ÷ /health/live, per round: notifications ${perRound(1)}; version asked at every request (before) ${perRound(2)}`);
    const warm = summary[1];
    const crowd = summary[6];
    console.log(
      `Goal: warm ≥ 0.5× /health/live: ${warm.requestsPerSecond >= 0.5 * trivial ? 'met' : 'NOT met'} (aim 0.8×: ${warm.requestsPerSecond >= 0.8 * trivial ? 'met' : 'not met'}); ` +
        `p99 ≤ 10 ms: saturated ${warm.p99 <= 10 ? 'met' : 'NOT met'} (${warm.p99} ms), at ${FIXED_RATE} req/s ${crowd.p99 <= 10 ? 'met' : 'NOT met'} (${crowd.p99} ms)`,
    );
  } finally {
    await api.close();
  }
} finally {
  await env.dispose();
}
