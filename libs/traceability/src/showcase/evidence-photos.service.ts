import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inTransaction } from '@app/database';
import type { Caller } from '../accounts/caller.js';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { noteIdempotentResult } from '../idempotency/idempotent-write.js';
import { EVIDENCE_PHOTO_STORAGE, type PhotoStorage } from './photo-storage.js';
import { EVIDENCE_PHOTO_SIZE, preparePhoto } from './photos.js';

/** Enough for a field's corners and crop, or a harvest's bags and scale; more is an album. */
export const MAX_EVIDENCE_PHOTOS = 20;

export type EvidenceSubject = { kind: 'growingArea'; id: string } | { kind: 'lot'; id: string };

export interface EvidencePhoto {
  id: string;
  growingAreaId: string | null;
  lotId: string | null;
  width: number;
  height: number;
  sizeBytes: number;
  caption: string | null;
  uploadedBy: string | null;
  createdAt: Date;
}

const COLUMNS = `id, growing_area_id AS "growingAreaId", lot_id AS "lotId", width, height, size_bytes AS "sizeBytes", caption, uploaded_by AS "uploadedBy", created_at AS "createdAt"`;
const SUBJECT = { growingArea: { table: 'growing_area', column: 'growing_area_id', notFound: 'Growing area' }, lot: { table: 'lot', column: 'lot_id', notFound: 'Lot' } } as const;

/**
 * Photos taken as evidence of a growing area or a harvest (issue 15), for the organization's staff and
 * inspectors: re-encoded to WebP (1280 px, ≤ 200 KB) with every metadata block (EXIF with the phone's
 * GPS position) left out, kept through the evidence photo storage, never on a public page.
 */
@Injectable()
export class EvidencePhotosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_PHOTO_STORAGE) private readonly photos: PhotoStorage,
  ) {}

  /** 404 when the area or lot is not the organization's (another tenant's id included). */
  async assertSubject(caller: Pick<Caller, 'organizationId'>, subject: EvidenceSubject): Promise<void> {
    const { table, notFound: kind } = SUBJECT[subject.kind];
    const [row] = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE organization_id = $1 AND id = $2`, [caller.organizationId, subject.id]);
    if (!row) throw notFound(kind, subject.id);
  }

  async list(caller: Pick<Caller, 'organizationId'>, subject: EvidenceSubject): Promise<EvidencePhoto[]> {
    await this.assertSubject(caller, subject);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM evidence_photo WHERE organization_id = $1 AND ${SUBJECT[subject.kind].column} = $2 ORDER BY created_at, id LIMIT ${MAX_EVIDENCE_PHOTOS}`,
      [caller.organizationId, subject.id],
    );
  }

  async get(caller: Pick<Caller, 'organizationId'>, subject: EvidenceSubject, photoId: string): Promise<EvidencePhoto> {
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM evidence_photo WHERE organization_id = $1 AND ${SUBJECT[subject.kind].column} = $2 AND id = $3`,
      [caller.organizationId, subject.id, photoId],
    );
    if (!row) throw notFound('Photo', photoId);
    return row;
  }

  /** Adds a photo: checked and re-encoded before anything is written; the row refers to the stored files. */
  async add(caller: Pick<Caller, 'organizationId' | 'userId'>, subject: EvidenceSubject, bytes: Buffer, caption?: string | null): Promise<EvidencePhoto> {
    await this.assertSubject(caller, subject);
    const text = typeof caption === 'string' ? caption.trim() || null : null;
    if (text && text.length > 200) throw new InvalidFieldException('PUBLIC_TEXT_TOO_LONG', 'caption', `at most 200 characters, got ${text.length}`);
    if (text && /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) throw new InvalidFieldException('TEXT_INVALID_CHARACTER', 'caption', 'contains control characters', 'bad_request');
    const { column } = SUBJECT[subject.kind];
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM evidence_photo WHERE organization_id = $1 AND ${column} = $2`, [caller.organizationId, subject.id]);
    if (n >= MAX_EVIDENCE_PHOTOS) {
      throw new DomainException('PHOTO_LIMIT_REACHED', `photo: at most ${MAX_EVIDENCE_PHOTOS} photos each`, 'validation', { field: 'photo', max: MAX_EVIDENCE_PHOTOS });
    }
    const photo = await preparePhoto(bytes, 'photo', EVIDENCE_PHOTO_SIZE);
    await this.photos.put(photo.thumbKey, photo.thumb);
    await this.photos.put(photo.key, photo.photo);
    // In a transaction, so that its Idempotency-Key is recorded with the row (a retried upload answers this photo).
    return inTransaction(this.dataSource, async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO evidence_photo (organization_id, ${column}, photo_key, thumb_key, width, height, size_bytes, caption, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
        [caller.organizationId, subject.id, photo.key, photo.thumbKey, photo.width, photo.height, photo.photo.length, text, caller.userId],
      );
      noteIdempotentResult({ id: row.id });
      return row as EvidencePhoto;
    });
  }

  /** The stored WebP (or its thumbnail) of one of the organization's evidence photos. */
  async bytes(caller: Pick<Caller, 'organizationId'>, subject: EvidenceSubject, photoId: string, thumb: boolean): Promise<Buffer> {
    const [row] = await this.dataSource.query(
      `SELECT photo_key AS "photoKey", thumb_key AS "thumbKey" FROM evidence_photo WHERE organization_id = $1 AND ${SUBJECT[subject.kind].column} = $2 AND id = $3`,
      [caller.organizationId, subject.id, photoId],
    );
    if (!row) throw notFound('Photo', photoId);
    const bytes = await this.photos.read(thumb ? row.thumbKey : row.photoKey);
    if (!bytes) throw notFound('Photo', photoId);
    return bytes;
  }
}
