import cluster, { type Worker } from 'node:cluster';

/** Crash-loop guard: this many unexpected exits within the window stop the whole API. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
/** How long stopping processes get to finish their requests before they are killed. */
const STOP_GRACE_MS = 15_000;

const log = (message: string) => console.log(JSON.stringify({ level: 'info', time: Date.now(), msg: `[api cluster] ${message}` }));

/**
 * The primary process of API_PROCESSES > 1: forks that many API processes, which share the port
 * (node:cluster hands each new connection to one of them), and replaces one that dies. Should they
 * keep dying (a port taken, the database gone), it stops rather than restart them for ever. On
 * SIGTERM or SIGINT it passes the signal on, waits for every process to finish, and exits.
 */
export function superviseApiProcesses(count: number): void {
  let stopCode: number | null = null;
  const exits: number[] = [];
  const live = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker && !worker.isDead());

  const stop = (exitCode: number) => {
    stopCode = exitCode;
    if (!live().length) process.exit(exitCode);
    for (const worker of live()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      const stragglers = live();
      if (stragglers.length) log(`${stragglers.length} API process(es) still running ${STOP_GRACE_MS / 1000} s after the stop; killing them`);
      for (const worker of stragglers) worker.process.kill('SIGKILL');
      process.exit(exitCode);
    }, STOP_GRACE_MS).unref();
  };

  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopCode !== null) {
      if (!live().length) process.exit(stopCode);
      return;
    }
    const now = Date.now();
    exits.push(now);
    while (exits[0] < now - RESTART_WINDOW_MS) exits.shift();
    if (exits.length > MAX_RESTARTS) {
      log(`API processes exited ${exits.length} times within ${RESTART_WINDOW_MS / 1000} s; stopping`);
      stop(1);
      return;
    }
    log(`API process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));

  for (let i = 0; i < count; i++) cluster.fork();
  log(`started ${count} API processes`);
}
