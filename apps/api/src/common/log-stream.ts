/**
 * Where the request log goes: standard output, with the lines of one turn of the event loop written
 * together (one system call for a burst of requests instead of one per line). A line waits at most
 * until the end of the turn it was logged in; whatever waits is written when the process exits.
 */
export function batchedLogStream(out: { write(chunk: string): unknown } = process.stdout): { write(line: string): void } {
  let pending: string[] = [];
  const flush = () => {
    if (!pending.length) return;
    const lines = pending.join('');
    pending = [];
    out.write(lines);
  };
  process.once('exit', flush);
  return {
    write(line: string) {
      if (pending.push(line) === 1) setImmediate(flush);
    },
  };
}
