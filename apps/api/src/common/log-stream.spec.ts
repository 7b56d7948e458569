import { describe, expect, it } from '@jest/globals';
import { batchedLogStream } from './log-stream.js';

describe('batchedLogStream', () => {
  it('writes the lines of one turn of the event loop together, in order, at the end of the turn', async () => {
    const writes: string[] = [];
    const stream = batchedLogStream({ write: (chunk: string) => writes.push(chunk) });
    stream.write('a\n');
    stream.write('b\n');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    stream.write('c\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });
});
