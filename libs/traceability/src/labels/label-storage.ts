import { createHash, randomUUID, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable, Writable } from 'node:stream';

/** Injection token: the local directory by default, an object store later (DESIGN §3). */
export const LABEL_STORAGE = Symbol('LABEL_STORAGE');

export interface StoredFileInfo {
  size: number;
  sha256: string;
}

/**
 * A write that becomes visible under its key only when the stream finishes: until then readers see
 * the previous file or none, never half a PDF. Destroying the stream discards what was written.
 */
export interface StorageWriteStream extends Writable {
  /** Size and SHA-256 of what was written, computed while streaming; set once 'finish' has fired. */
  readonly stored: StoredFileInfo | undefined;
}

export interface LabelStorage {
  createWriteStream(key: string): StorageWriteStream;
  /** Null when there is no file under this key. */
  openRead(key: string): Promise<{ stream: Readable; size: number } | null>;
  stat(key: string): Promise<{ size: number; modifiedAt: Date } | null>;
  remove(key: string): Promise<void>;
  /** Drops writes abandoned by a crashed process that started before `olderThan`. */
  removeAbandonedWrites(olderThan: Date): Promise<number>;
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const TEMPORARY_DIRECTORY = '.partial';

export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  }
}

/**
 * Files under STORAGE_DIR. A write goes to `.partial/<uuid>` and is fsynced and renamed into place
 * when it finishes (rename is atomic on one file system).
 */
export class LocalLabelStorage implements LabelStorage {
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  path(key: string): string {
    assertStorageKey(key);
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
    return path;
  }

  createWriteStream(key: string): StorageWriteStream {
    return new LocalWriteStream(join(this.root, TEMPORARY_DIRECTORY, `${randomUUID()}.part`), this.path(key));
  }

  async openRead(key: string): Promise<{ stream: Readable; size: number } | null> {
    const info = await this.stat(key);
    if (!info) return null;
    return { stream: createReadStream(this.path(key)), size: info.size };
  }

  async stat(key: string): Promise<{ size: number; modifiedAt: Date } | null> {
    try {
      const info = await stat(this.path(key));
      return info.isFile() ? { size: info.size, modifiedAt: info.mtime } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async removeAbandonedWrites(olderThan: Date): Promise<number> {
    const directory = join(this.root, TEMPORARY_DIRECTORY);
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(directory, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtime < olderThan) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

class LocalWriteStream extends Writable implements StorageWriteStream {
  stored: StoredFileInfo | undefined;
  private handle: FileHandle | undefined;
  private readonly hash: Hash = createHash('sha256');
  private size = 0;
  private committed = false;

  constructor(
    private readonly temporaryPath: string,
    private readonly finalPath: string,
  ) {
    // pdfkit writes many small chunks: buffer up to 1 MiB and write them out together (_writev).
    super({ highWaterMark: 1 << 20 });
  }

  override _construct(callback: (error?: Error | null) => void): void {
    mkdir(dirname(this.temporaryPath), { recursive: true })
      .then(() => open(this.temporaryPath, 'w'))
      .then((handle) => {
        this.handle = handle;
        callback();
      }, callback);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.append(chunk).then(() => callback(), callback);
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this.append(Buffer.concat(chunks.map(({ chunk }) => chunk))).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    const commit = async () => {
      const handle = this.handle!;
      await handle.sync();
      await handle.close();
      this.handle = undefined;
      await mkdir(dirname(this.finalPath), { recursive: true });
      await rename(this.temporaryPath, this.finalPath);
      this.committed = true;
      this.stored = { size: this.size, sha256: this.hash.digest('hex') };
    };
    commit().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.committed) return callback(error);
    const discard = async () => {
      await this.handle?.close().catch(() => undefined);
      this.handle = undefined;
      await unlink(this.temporaryPath).catch(() => undefined);
    };
    discard().then(() => callback(error));
  }

  private async append(buffer: Buffer): Promise<void> {
    this.hash.update(buffer);
    this.size += buffer.length;
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesWritten } = await this.handle!.write(buffer, offset, buffer.length - offset);
      offset += bytesWritten;
    }
  }
}
