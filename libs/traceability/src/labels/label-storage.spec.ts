import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { finished } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { assertStorageKey, LocalLabelStorage } from './label-storage.js';

describe('LocalLabelStorage', () => {
  let directory: string;
  let storage: LocalLabelStorage;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'nguon-storage-'));
    storage = new LocalLabelStorage(directory);
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('makes a file visible only when the write finishes, with its size and SHA-256', async () => {
    const stream = storage.createWriteStream('label-jobs/org/job.pdf');
    const parts = ['%PDF-1.7\n', 'Điện Biên '.repeat(10_000), '%%EOF\n'];
    for (const part of parts) stream.write(Buffer.from(part));
    expect(await storage.stat('label-jobs/org/job.pdf')).toBeNull();
    stream.end();
    await finished(stream);
    const expected = Buffer.from(parts.join(''));
    expect(stream.stored).toEqual({ size: expected.length, sha256: createHash('sha256').update(expected).digest('hex') });
    expect(await readFile(join(directory, 'label-jobs/org/job.pdf'))).toEqual(expected);
    const opened = await storage.openRead('label-jobs/org/job.pdf');
    expect(opened!.size).toBe(expected.length);
    expect(await text(opened!.stream)).toBe(parts.join(''));
    expect(await readdir(join(directory, '.partial'))).toEqual([]);
  });

  it('discards a destroyed write and leaves no partial file', async () => {
    const stream = storage.createWriteStream('a/b.pdf');
    stream.write(Buffer.from('half a document'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    stream.destroy();
    await new Promise((resolve) => stream.once('close', resolve));
    expect(stream.stored).toBeUndefined();
    expect(await storage.stat('a/b.pdf')).toBeNull();
    expect(await readdir(join(directory, '.partial'))).toEqual([]);
  });

  it('removes files and abandoned partial writes', async () => {
    const stream = storage.createWriteStream('x.pdf');
    stream.end(Buffer.from('x'));
    await finished(stream);
    await storage.remove('x.pdf');
    expect(await storage.openRead('x.pdf')).toBeNull();

    const abandoned = storage.createWriteStream('y.pdf');
    abandoned.write(Buffer.from('y'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [name] = await readdir(join(directory, '.partial'));
    const old = new Date(Date.now() - 2 * 86_400_000);
    await utimes(join(directory, '.partial', name), old, old);
    expect(await storage.removeAbandonedWrites(new Date(Date.now() - 86_400_000))).toBe(1);
    abandoned.destroy();
  });

  it('refuses keys that could leave the directory', () => {
    for (const key of ['../etc/passwd', '/abs.pdf', 'a/../../b', 'a//b', '.hidden', 'a/./b']) {
      expect(() => assertStorageKey(key)).toThrow(/invalid storage key/);
    }
    expect(() => assertStorageKey('label-jobs/0f1e/2d3c.pdf')).not.toThrow();
  });
});
