// Label rendering benchmark (issue 5): project renderer vs a naive pdfkit baseline, then a
// 100,000-label job streamed to a file while sampling RSS. With --shelf: labels with the shop-shelf
// fields and the EAN-13 barcode against today's labels, same run (issue 15).
// Run: node --import @swc-node/register/esm-register bench/labels.bench.ts [--shelf]
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findTemplate,
  renderLabels,
  renderLabelsBaseline,
  type LabelItem,
  type LabelJobView,
} from '../libs/labels/src/index.js';

const template = findTemplate('a4-3x8-70x37')!;
const view: LabelJobView = {
  productName: 'Gạo nếp Séng Cù Điện Biên',
  lotCode: 'DB-2026-000123',
  dateKind: 'harvest',
  date: '2026-03-12',
  expiry: '2027-03-12',
  growingAreaCode: 'VN-DB-MA-0012',
  cooperativeName: 'Hợp tác xã Nông nghiệp Thanh Xương, Điện Biên',
  ocopStars: 4,
  shortUrlText: 'nguon.example/l/7HKQ2MXR',
  language: 'vi',
};

/** The same label with what a shop shelf needs: net content, address, origin and a GTIN (EAN-13). */
const shelfView: LabelJobView = {
  ...view,
  netContent: '2 kg',
  producerAddress: 'Bản Co Mận, Thanh Xương, Điện Biên',
  origin: 'Việt Nam',
  gtin: '08930000000019',
};

function* serializedLabels(count: number): Generator<LabelItem> {
  for (let index = 0; index < count; index++) {
    const serial = String(100000001 + index);
    yield { payload: `https://nguon.example/l/7HKQ2MXR/${serial}`, serial };
  }
}

type Renderer = typeof renderLabels;

async function timedRun(renderer: Renderer, count: number, file: string, jobView: LabelJobView = view) {
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const result = await renderer({ template, view: jobView, labels: serializedLabels(count), count, outline: true }, createWriteStream(file));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // CPU time (all threads of this process): the per-core cost, whatever else runs on the machine.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const bytes = (await stat(file)).size;
  return { ...result, seconds, labelsPerSecond: count / seconds, labelsPerCpuSecond: count / cpuSeconds, bytesPerLabel: bytes / count, bytes };
}

const directory = await mkdtemp(join(tmpdir(), 'nguon-labels-bench-'));
try {
  if (process.argv.includes('--big-job')) await bigJob();
  else if (process.argv.includes('--shelf')) await shelfComparison();
  else await comparison();
} finally {
  await rm(directory, { recursive: true, force: true });
}

async function comparison() {
  const count = 10_000;
  // Warm both code paths up so neither run pays the JIT for the other.
  await timedRun(renderLabels, 500, join(directory, 'warm-project.pdf'));
  await timedRun(renderLabelsBaseline, 500, join(directory, 'warm-baseline.pdf'));

  const project = await timedRun(renderLabels, count, join(directory, 'project.pdf'));
  const baseline = await timedRun(renderLabelsBaseline, count, join(directory, 'baseline.pdf'));
  const row = (name: string, run: typeof project) =>
    `${name.padEnd(9)} ${run.labelsPerSecond.toFixed(0).padStart(6)} labels/s  ${run.labelsPerCpuSecond.toFixed(0).padStart(6)} labels/CPU-s  ` +
    `${run.seconds.toFixed(2).padStart(6)} s  ` +
    `${run.pages} pages  ${(run.bytes / 1e6).toFixed(1)} MB  ${run.bytesPerLabel.toFixed(0)} B/label`;
  // Other processes skew the figures: say how busy the machine was.
  const load = loadavg()[0].toFixed(1);
  console.log(`${count} serialized ${template.id} labels (Node ${process.version}, ${cpus().length} cores, load ${load})`);
  console.log(row('project', project));
  console.log(row('baseline', baseline));
  console.log(
    `ratio     ${(project.labelsPerSecond / baseline.labelsPerSecond).toFixed(2)}× wall, ` +
      `${(project.labelsPerCpuSecond / baseline.labelsPerCpuSecond).toFixed(2)}× CPU (goal ≥ 3×)`,
  );

  // A fresh process, so the baseline's garbage does not count against the big job's memory.
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--big-job'], {
    stdio: 'inherit',
  });
  if (child.status !== 0) throw new Error(`big job failed with status ${child.status}`);
}

async function shelfComparison() {
  const count = 10_000;
  await timedRun(renderLabels, 500, join(directory, 'warm-today.pdf'));
  await timedRun(renderLabels, 500, join(directory, 'warm-shelf.pdf'), shelfView);
  const today = await timedRun(renderLabels, count, join(directory, 'today.pdf'));
  const shelf = await timedRun(renderLabels, count, join(directory, 'shelf.pdf'), shelfView);
  const row = (name: string, run: typeof today) =>
    `${name.padEnd(6)} ${run.labelsPerSecond.toFixed(0).padStart(6)} labels/s  ${run.labelsPerCpuSecond.toFixed(0).padStart(6)} labels/CPU-s  ${run.bytesPerLabel.toFixed(0)} B/label`;
  console.log(`${count} serialized ${template.id} labels (Node ${process.version}, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)})`);
  console.log(row('today', today));
  console.log(row('shelf', shelf));
  console.log(`ratio  ${(shelf.labelsPerCpuSecond / today.labelsPerCpuSecond).toFixed(2)}× CPU, ${(shelf.bytesPerLabel / today.bytesPerLabel).toFixed(2)}× bytes per label (shelf / today)`);
}

async function bigJob() {
  const count = 100_000;
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const every10k: number[] = [];
  const file = join(directory, 'big.pdf');
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const result = await renderLabels(
    { template, view, labels: serializedLabels(count), count, outline: true },
    createWriteStream(file),
    ({ labels }) => {
      if (labels % 10_000 < 24) every10k.push(process.memoryUsage().rss);
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const bytes = (await stat(file)).size;
  console.log(
    `${count} labels to a file: ${result.pages} pages, ${(bytes / 1e6).toFixed(1)} MB, ` +
      `${(count / seconds).toFixed(0)} labels/s, ${(count / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} labels/CPU-s, ` +
      `${(bytes / count).toFixed(0)} B/label`,
  );
  console.log(`RSS before ${mb(rssBefore)} MB, peak ${mb(peakRss)} MB, growth ${mb(peakRss - rssBefore)} MB (goal ≤ 300 MB, flat)`);
  console.log(`RSS every 10,000 labels: ${every10k.map(mb).join(' ')} MB`);
}
