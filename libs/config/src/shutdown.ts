/** How long a process may take to stop after SIGTERM or SIGINT before it exits regardless. */
export const SHUTDOWN_DEADLINE_MS = 8_000;

/**
 * Bounds a graceful shutdown. The PostgreSQL and Redis clients retry their connections for ever, so a
 * clean close can wait for ever while either is down, and a supervisor (Docker gives 10 s, then
 * SIGKILL) would have to kill the process. Past the deadline the process says so and exits with
 * code 1. Call it once the application is up and listens for the signals itself (Nest's shutdown
 * hooks): before that, a signal still ends the process at once.
 */
export function exitIfShutdownStalls(deadlineMs = SHUTDOWN_DEADLINE_MS): void {
  const arm = (signal: NodeJS.Signals) => {
    setTimeout(() => {
      console.error(
        JSON.stringify({
          level: 'error',
          time: Date.now(),
          msg: `Still stopping ${deadlineMs / 1000} s after ${signal} (PostgreSQL or Redis unreachable?); exiting without waiting any longer`,
        }),
      );
      process.exit(1);
    }, deadlineMs).unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}
