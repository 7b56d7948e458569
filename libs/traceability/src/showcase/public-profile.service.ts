import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException, InvalidFieldException, notFound } from '../common/domain.exception.js';
import { optionalText } from '../registry/common/fields.js';
import type { Caller } from '../accounts/caller.js';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage.js';
import { preparePhoto } from './photos.js';

export const MAX_PROFILE_PHOTOS = 6;
export const MAX_PUBLIC_LINKS = 8;

export interface PublicLink {
  label: string;
  url: string;
}

/** What a cooperative shows on its public producer page; nothing else of it is public there. */
export interface PublicProfile {
  /** Appears in the province's catalogue (off until the organization turns it on). */
  listed: boolean;
  storyVi: string | null;
  storyEn: string | null;
  publicPhone: string | null;
  publicEmail: string | null;
  website: string | null;
  links: PublicLink[];
  welcomesVisitors: boolean;
  visitInfoVi: string | null;
  visitInfoEn: string | null;
  photoKeys: string[];
}

export type PublicProfileInput = Partial<Omit<PublicProfile, 'photoKeys' | 'links'>> & { links?: PublicLink[] | null };

const TEXT_LIMITS = { storyVi: 4000, storyEn: 4000, visitInfoVi: 2000, visitInfoEn: 2000 } as const;
const PHONE = /^\+?[0-9][0-9 .()-]{6,22}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

const COLUMNS = `listed, story_vi AS "storyVi", story_en AS "storyEn", public_phone AS "publicPhone", public_email AS "publicEmail", website, links,
  welcomes_visitors AS "welcomesVisitors", visit_info_vi AS "visitInfoVi", visit_info_en AS "visitInfoEn", photo_keys AS "photoKeys"`;

export const EMPTY_PROFILE: PublicProfile = {
  listed: false,
  storyVi: null,
  storyEn: null,
  publicPhone: null,
  publicEmail: null,
  website: null,
  links: [],
  welcomesVisitors: false,
  visitInfoVi: null,
  visitInfoEn: null,
  photoKeys: [],
};

/** An http(s) address, or refused naming the field (a `javascript:` link never reaches a page). */
export function publicUrl(value: string, field: string): string {
  const text = value.normalize('NFC').trim();
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new InvalidFieldException('PUBLIC_LINK_INVALID', field, 'must be a web address starting with https:// or http://');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new InvalidFieldException('PUBLIC_LINK_INVALID', field, 'must be a web address starting with https:// or http://');
  if (text.length > 500) throw new InvalidFieldException('PUBLIC_TEXT_TOO_LONG', field, 'at most 500 characters');
  return parsed.href;
}

/**
 * The organization's public profile and photos (issue 20; product photos from issue 15), edited by
 * its admins in the console. Every query is scoped by the caller's organization.
 */
@Injectable()
export class PublicProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PHOTO_STORAGE) private readonly photos: PhotoStorage,
  ) {}

  async get(caller: Pick<Caller, 'organizationId'>): Promise<PublicProfile> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM organization_public_profile WHERE organization_id = $1`, [caller.organizationId]);
    return row ?? { ...EMPTY_PROFILE };
  }

  async update(caller: Pick<Caller, 'organizationId'>, input: PublicProfileInput): Promise<PublicProfile> {
    const values: Record<string, unknown> = {};
    if (input.listed !== undefined) values.listed = input.listed === true;
    if (input.welcomesVisitors !== undefined) values.welcomes_visitors = input.welcomesVisitors === true;
    for (const [field, max] of Object.entries(TEXT_LIMITS) as [keyof typeof TEXT_LIMITS, number][]) {
      const text = optionalText(input[field]);
      if (text === undefined) continue;
      if (text && text.length > max) throw new InvalidFieldException('PUBLIC_TEXT_TOO_LONG', field, `at most ${max} characters, got ${text.length}`);
      values[field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = text;
    }
    const phone = optionalText(input.publicPhone);
    if (phone !== undefined) {
      if (phone && !PHONE.test(phone)) throw new InvalidFieldException('PUBLIC_CONTACT_INVALID', 'publicPhone', 'must be a phone number (digits, spaces, + . ( ) -)');
      values.public_phone = phone;
    }
    const email = optionalText(input.publicEmail);
    if (email !== undefined) {
      if (email && (!EMAIL.test(email) || email.length > 200)) throw new InvalidFieldException('PUBLIC_CONTACT_INVALID', 'publicEmail', 'must be an e-mail address');
      values.public_email = email;
    }
    const website = optionalText(input.website);
    if (website !== undefined) values.website = website && publicUrl(website, 'website');
    if (input.links !== undefined) values.links = JSON.stringify(this.links(input.links));
    const columns = Object.keys(values);
    if (columns.length) {
      await this.dataSource.query(
        `INSERT INTO organization_public_profile (organization_id, ${columns.join(', ')}) VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})
         ON CONFLICT (organization_id) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()`,
        [caller.organizationId, ...Object.values(values)],
      );
    }
    return this.get(caller);
  }

  private links(links: PublicLink[] | null): PublicLink[] {
    if (links === null) return [];
    if (!Array.isArray(links)) throw new InvalidFieldException('INVALID_VALUE', 'links', 'must be a list of {label, url}', 'bad_request');
    if (links.length > MAX_PUBLIC_LINKS) throw new InvalidFieldException('PUBLIC_TEXT_TOO_LONG', 'links', `at most ${MAX_PUBLIC_LINKS} links`);
    return links.map((link, i) => {
      const label = optionalText(link?.label);
      if (!label) throw new InvalidFieldException('FIELD_REQUIRED', `links[${i}].label`, 'is required', 'bad_request');
      if (label.length > 80) throw new InvalidFieldException('PUBLIC_TEXT_TOO_LONG', `links[${i}].label`, 'at most 80 characters');
      if (typeof link.url !== 'string') throw new InvalidFieldException('FIELD_REQUIRED', `links[${i}].url`, 'is required', 'bad_request');
      return { label, url: publicUrl(link.url, `links[${i}].url`) };
    });
  }

  /** Adds a photo of the organization (re-encoded, without metadata); at most MAX_PROFILE_PHOTOS. */
  async addPhoto(caller: Pick<Caller, 'organizationId'>, bytes: Buffer): Promise<PublicProfile> {
    const current = await this.get(caller);
    if (current.photoKeys.length >= MAX_PROFILE_PHOTOS) {
      throw new DomainException('PHOTO_LIMIT_REACHED', `photo: at most ${MAX_PROFILE_PHOTOS} photos; remove one first`, 'validation', { field: 'photo', max: MAX_PROFILE_PHOTOS });
    }
    const photo = await this.store(bytes);
    if (!current.photoKeys.includes(photo)) {
      await this.dataSource.query(
        `INSERT INTO organization_public_profile (organization_id, photo_keys) VALUES ($1, ARRAY[$2])
         ON CONFLICT (organization_id) DO UPDATE SET photo_keys = array_append(organization_public_profile.photo_keys, $2), updated_at = now()
         WHERE NOT $2 = ANY(organization_public_profile.photo_keys)`,
        [caller.organizationId, photo],
      );
    }
    return this.get(caller);
  }

  /** Removes a photo from the profile (the file stays: another row may name the same content). */
  async removePhoto(caller: Pick<Caller, 'organizationId'>, key: string): Promise<PublicProfile> {
    const rows = await this.dataSource.query(
      `UPDATE organization_public_profile SET photo_keys = array_remove(photo_keys, $2), updated_at = now() WHERE organization_id = $1 AND $2 = ANY(photo_keys) RETURNING 1`,
      [caller.organizationId, key],
    );
    if (!rows.length) throw notFound('Photo', key);
    return this.get(caller);
  }

  /** Sets (or replaces) a product's photo; answers the new key. */
  async setProductPhoto(caller: Pick<Caller, 'organizationId'>, productId: string, bytes: Buffer): Promise<{ productId: string; photoKey: string }> {
    await this.product(caller, productId);
    const key = await this.store(bytes);
    await this.dataSource.query(`UPDATE product SET photo_key = $3, updated_at = now() WHERE organization_id = $1 AND id = $2`, [caller.organizationId, productId, key]);
    return { productId, photoKey: key };
  }

  async removeProductPhoto(caller: Pick<Caller, 'organizationId'>, productId: string): Promise<{ productId: string; photoKey: null }> {
    await this.product(caller, productId);
    await this.dataSource.query(`UPDATE product SET photo_key = NULL, updated_at = now() WHERE organization_id = $1 AND id = $2`, [caller.organizationId, productId]);
    return { productId, photoKey: null };
  }

  async productPhoto(caller: Pick<Caller, 'organizationId'>, productId: string): Promise<{ productId: string; photoKey: string | null }> {
    const product = await this.product(caller, productId);
    return { productId, photoKey: product.photoKey };
  }

  /** The organization's products with their photos, for the console's photo screen. */
  products(caller: Pick<Caller, 'organizationId'>): Promise<{ id: string; nameVi: string; ocopGroup: number | null; photoKey: string | null }[]> {
    return this.dataSource.query(
      `SELECT id, name_vi AS "nameVi", ocop_group AS "ocopGroup", photo_key AS "photoKey" FROM product WHERE organization_id = $1 ORDER BY name_vi, id LIMIT 500`,
      [caller.organizationId],
    );
  }

  private async product(caller: Pick<Caller, 'organizationId'>, productId: string): Promise<{ photoKey: string | null }> {
    const [row] = await this.dataSource.query(`SELECT photo_key AS "photoKey" FROM product WHERE organization_id = $1 AND id = $2`, [caller.organizationId, productId]);
    if (!row) throw notFound('Product', productId);
    return row;
  }

  /** Re-encodes and stores the photo and its thumbnail; answers the photo's key. */
  private async store(bytes: Buffer): Promise<string> {
    const photo = await preparePhoto(bytes);
    await this.photos.put(photo.thumbKey, photo.thumb);
    await this.photos.put(photo.key, photo.photo);
    return photo.key;
  }
}
