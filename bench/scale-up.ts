// Starts the scaled topology of issue 18 on this machine and keeps it running until Ctrl-C (SIGINT)
// or SIGTERM, then stops everything and removes its directory: a PostgreSQL primary and a streaming
// replica (the machine's PostgreSQL binaries), a 3-master Redis Cluster, N built API processes and M
// built workers (libs/testing/src/scale-topology.ts; `npm run build` first). Prints the addresses and
// the processes' environment as JSON (and writes them to --json <file> when given).
// Run: node --import @swc-node/register/esm-register bench/scale-up.ts [--apis 2] [--workers 2] [--no-replica] [--no-redis] [--json file]
import { describeTopology, startScaleTopology } from '../libs/testing/src/scale-topology.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const jsonAt = process.argv.indexOf('--json');

const topology = await startScaleTopology({
  apis: arg('--apis', 2),
  workers: arg('--workers', 2),
  replica: !process.argv.includes('--no-replica'),
  redisCluster: !process.argv.includes('--no-redis'),
  log: (line) => console.error(`[scale-up] ${line}`),
});
console.log(describeTopology(topology, jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined));
console.error('[scale-up] running; Ctrl-C stops everything');
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.error('[scale-up] stopping');
  await topology.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
setInterval(() => undefined, 1 << 30);
