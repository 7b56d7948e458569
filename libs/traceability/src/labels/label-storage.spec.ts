import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { finished } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { assertStorageKey, LabelStorageError, LocalLabelStorage, toLabelStorageError, type UnfinishedWrite } from './label-storage.js';

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
    await new Promise((resolve) => stream.write(Buffer.from('half a document'), resolve));
    expect(await readdir(join(directory, '.partial'))).toHaveLength(1);
    stream.destroy();
    await new Promise((resolve) => stream.once('close', resolve));
    expect(stream.stored).toBeUndefined();
    expect(await storage.stat('a/b.pdf')).toBeNull();
    expect(await readdir(join(directory, '.partial'))).toEqual([]);
  });

  it('removes files, and the unfinished writes it is told are abandoned, naming each by its key', async () => {
    const stream = storage.createWriteStream('x.pdf');
    stream.end(Buffer.from('x'));
    await finished(stream);
    await storage.remove('x.pdf');
    expect(await storage.openRead('x.pdf')).toBeNull();

    const abandoned = storage.createWriteStream('label-jobs/org-1/job-1/a.pdf');
    const live = storage.createWriteStream('label-jobs/org-1/job-2/b.pdf');
    // A write's callback runs once the bytes are in the partial file.
    await new Promise((resolve) => abandoned.write(Buffer.from('y'), resolve));
    await new Promise((resolve) => live.write(Buffer.from('z'), resolve));
    const names = await readdir(join(directory, '.partial'));
    expect(names).toHaveLength(2);
    const old = new Date('2026-01-01T00:00:00Z');
    await utimes(join(directory, '.partial', names.find((name) => name.includes('job-1'))!), old, old);

    const seen: UnfinishedWrite[] = [];
    const removed = await storage.removeAbandonedWrites((write) => {
      seen.push(write);
      return write.key.includes('job-1');
    });
    expect(removed).toBe(1);
    expect(seen.map((write) => write.key).sort()).toEqual(['label-jobs/org-1/job-1/a.pdf', 'label-jobs/org-1/job-2/b.pdf']);
    expect(seen.find((write) => write.key.endsWith('a.pdf'))!.modifiedAt).toEqual(old);
    expect(await readdir(join(directory, '.partial'))).toEqual([names.find((name) => name.includes('job-2'))]);
    abandoned.destroy();
    live.end();
    await finished(live);
    expect(await storage.stat('label-jobs/org-1/job-2/b.pdf')).toMatchObject({ size: 1 });
  });

  it('fails a write on an unusable storage with STORAGE_UNAVAILABLE and leaves nothing behind', async () => {
    // The storage root is a file, not a directory: every write must fail, saying so.
    await writeFile(join(directory, 'not-a-directory'), 'x');
    const broken = new LocalLabelStorage(join(directory, 'not-a-directory'));
    const stream = broken.createWriteStream('label-jobs/a.pdf');
    const error = await new Promise<Error>((resolve) => stream.once('error', resolve));
    expect(error).toBeInstanceOf(LabelStorageError);
    expect(error).toMatchObject({ code: 'STORAGE_UNAVAILABLE', message: expect.stringContaining('not a directory') });
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOTDIR');
    expect(await readdir(directory)).toEqual(['not-a-directory']);
  });

  it('names the storage fault behind each file-system error, and leaves other errors alone', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
    expect(toLabelStorageError(errno('ENOSPC'), 'writing')).toMatchObject({ code: 'STORAGE_FULL', message: expect.stringMatching(/disk is full.*ENOSPC while writing/) });
    expect(toLabelStorageError(errno('EDQUOT'), 'writing')).toMatchObject({ code: 'STORAGE_FULL', message: expect.stringContaining('quota') });
    for (const [code, words] of [
      ['EROFS', 'read-only'],
      ['EACCES', 'permission denied'],
      ['EPERM', 'not permitted'],
      ['EIO', 'input/output error'],
      ['ENOENT', 'missing'],
    ]) {
      expect(toLabelStorageError(errno(code), 'writing')).toMatchObject({ code: 'STORAGE_UNAVAILABLE', message: expect.stringContaining(words) });
    }
    const other = errno('EMFILE');
    expect(toLabelStorageError(other, 'writing')).toBe(other);
    const plain = new Error('no code');
    expect(toLabelStorageError(plain, 'writing')).toBe(plain);
  });

  it('refuses keys that could leave the directory', () => {
    for (const key of ['../etc/passwd', '/abs.pdf', 'a/../../b', 'a//b', '.hidden', 'a/./b']) {
      expect(() => assertStorageKey(key)).toThrow(/invalid storage key/);
    }
    expect(() => assertStorageKey('label-jobs/0f1e/2d3c.pdf')).not.toThrow();
  });
});
