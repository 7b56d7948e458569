import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Injection token: the local directory by default, an object store later (docs/architecture.md#where-state-lives). */
export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');
/** Evidence photos (growing areas, harvests): the same interface, another place, never served publicly. */
export const EVIDENCE_PHOTO_STORAGE = Symbol('EVIDENCE_PHOTO_STORAGE');

/** Where photos are kept: whole small files (≤ 30 KB) written and read at once, under opaque keys. */
export interface PhotoStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** Null when there is no photo under this key. */
  read(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

/** `<64 hex>.webp` or `<64 hex>-t.webp` (the thumbnail): the content's own hash, so a key never changes meaning. */
export const PHOTO_KEY = /^[0-9a-f]{64}(?:-t)?\.webp$/;

/**
 * Files under `<STORAGE_DIR>/photos`, beside the label PDFs: written to a temporary name and renamed
 * into place (atomic on one file system), so a reader never sees half a photo.
 */
export class LocalPhotoStorage implements PhotoStorage {
  private readonly root: string;

  /** `directory`: `photos` (public: the showcase's and products'), `evidence` (staff only: fields and harvests). */
  constructor(storageDir: string, directory = 'photos') {
    this.root = resolve(storageDir, directory);
  }

  private path(key: string): string {
    if (!PHOTO_KEY.test(key)) throw new Error(`invalid photo key ${JSON.stringify(key)}`);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${randomBytes(4).toString('hex')}.part`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }

  async read(key: string): Promise<Buffer | null> {
    if (!PHOTO_KEY.test(key)) return null;
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
