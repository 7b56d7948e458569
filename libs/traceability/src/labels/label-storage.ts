import { createHash, randomBytes, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable, Writable } from 'node:stream';

/** Injection token: the local directory by default, an object store later (docs/architecture.md#where-state-lives). */
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

/** A write not finished: in progress, or abandoned by a process that died. */
export interface UnfinishedWrite {
  key: string;
  /** When something was last written to it. */
  modifiedAt: Date;
}

export interface LabelStorage {
  /** The stream fails with a `LabelStorageError` when the storage cannot take the write. */
  createWriteStream(key: string): StorageWriteStream;
  /** Null when there is no file under this key. */
  openRead(key: string): Promise<{ stream: Readable; size: number } | null>;
  stat(key: string): Promise<{ size: number; modifiedAt: Date } | null>;
  remove(key: string): Promise<void>;
  /** Drops the unfinished writes that `isAbandoned` says nobody is writing any more; answers how many. */
  removeAbandonedWrites(isAbandoned: (write: UnfinishedWrite) => boolean | Promise<boolean>): Promise<number>;
}

export type LabelStorageFault = 'STORAGE_FULL' | 'STORAGE_UNAVAILABLE';

/**
 * The storage cannot take a write: full (`STORAGE_FULL`: space may be freed, worth retrying a little
 * later) or unusable (`STORAGE_UNAVAILABLE`: read-only, gone, refused or failing, which needs an
 * operator). The message says which in words; the operating system's error is the `cause`.
 */
export class LabelStorageError extends Error {
  constructor(
    readonly code: LabelStorageFault,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LabelStorageError';
  }
}

/** Operating-system errors that say the storage itself is at fault, not this one write. */
const STORAGE_FAULTS: Record<string, [LabelStorageFault, string]> = {
  ENOSPC: ['STORAGE_FULL', 'the label storage disk is full (no space left on device)'],
  EDQUOT: ['STORAGE_FULL', 'the label storage disk quota is used up'],
  EROFS: ['STORAGE_UNAVAILABLE', 'the label storage is read-only (read-only file system)'],
  EACCES: ['STORAGE_UNAVAILABLE', 'the label storage refuses writes (permission denied)'],
  EPERM: ['STORAGE_UNAVAILABLE', 'the label storage refuses writes (operation not permitted)'],
  EIO: ['STORAGE_UNAVAILABLE', 'the label storage disk failed (input/output error)'],
  ENOENT: ['STORAGE_UNAVAILABLE', 'the label storage directory is missing'],
  ENOTDIR: ['STORAGE_UNAVAILABLE', 'the label storage directory is not a directory'],
  ENODEV: ['STORAGE_UNAVAILABLE', 'the label storage device is gone'],
  ENXIO: ['STORAGE_UNAVAILABLE', 'the label storage device is gone'],
  ESTALE: ['STORAGE_UNAVAILABLE', 'the label storage network share is unreachable (stale file handle)'],
};

/** The storage fault behind a file-system error, or the error itself when it is about something else. */
export function toLabelStorageError(error: unknown, doing: string): Error {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  const fault = errno ? STORAGE_FAULTS[errno] : undefined;
  if (!fault || error instanceof LabelStorageError) return error instanceof Error ? error : new Error(String(error));
  const [code, what] = fault;
  return new LabelStorageError(code, `Cannot store the label PDF: ${what} [${errno} while ${doing}]`, { cause: error });
}

const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const TEMPORARY_DIRECTORY = '.partial';
const TEMPORARY_SUFFIX = '.part';
/** Keys never contain '~': it stands for '/' in the name of a partial file, which names its key. */
const flattenKey = (key: string) => key.replaceAll('/', '~');

export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  }
}

/**
 * Files under STORAGE_DIR. A write goes to `.partial/<key with / as ~>.<random>.part` and is fsynced
 * and renamed into place when it finishes (rename is atomic on one file system); a failed or
 * destroyed write removes its partial file. File-system faults surface as `LabelStorageError`.
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
    const finalPath = this.path(key);
    const temporaryName = `${flattenKey(key)}.${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`;
    return new LocalWriteStream(join(this.root, TEMPORARY_DIRECTORY, temporaryName), finalPath);
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

  async removeAbandonedWrites(isAbandoned: (write: UnfinishedWrite) => boolean | Promise<boolean>): Promise<number> {
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
      if (!info?.isFile()) continue;
      // `<flattened key>.<random>.part`. Older releases named them `<uuid>.part`: their key is the uuid, which names no job.
      const key = name.endsWith(TEMPORARY_SUFFIX) ? name.slice(0, -TEMPORARY_SUFFIX.length).replace(/\.[0-9a-f]{8}$/, '').replaceAll('~', '/') : name;
      if (await isAbandoned({ key, modifiedAt: info.mtime })) {
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
      .then(
        (handle) => {
          this.handle = handle;
          callback();
        },
        (error) => callback(toLabelStorageError(error, 'creating the file')),
      );
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.append(chunk).then(() => callback(), (error) => callback(toLabelStorageError(error, 'writing')));
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this.append(Buffer.concat(chunks.map(({ chunk }) => chunk))).then(
      () => callback(),
      (error) => callback(toLabelStorageError(error, 'writing')),
    );
  }

  override _final(callback: (error?: Error | null) => void): void {
    const commit = async () => {
      const handle = this.handle!;
      // Some file systems (NFS, quotas) report a full disk only when the data is flushed or closed.
      await handle.sync();
      await handle.close();
      this.handle = undefined;
      await mkdir(dirname(this.finalPath), { recursive: true });
      await rename(this.temporaryPath, this.finalPath);
      this.committed = true;
      this.stored = { size: this.size, sha256: this.hash.digest('hex') };
    };
    commit().then(
      () => callback(),
      (error) => callback(toLabelStorageError(error, 'finishing the file')),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.committed) return callback(error);
    const discard = async () => {
      await this.handle?.close().catch(() => undefined);
      this.handle = undefined;
      await unlink(this.temporaryPath).catch(() => undefined);
    };
    // discard() swallows its own failures: the stream is being destroyed anyway.
    void discard().then(() => callback(error));
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
