import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos taken in the field as evidence (issue 15): of a growing area (the field, its boundary marker,
 * the crop) or of a lot (the harvest). The files are re-encoded WebP without metadata, kept through the
 * photo storage interface under `<STORAGE_DIR>/evidence` by content hash; a row holds the keys. Staff
 * only: no public page reads this table.
 */
export class EvidencePhotos1764407010000 implements MigrationInterface {
  name = 'EvidencePhotos1764407010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_photo (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id),
        growing_area_id uuid,
        lot_id uuid,
        photo_key text NOT NULL CHECK (photo_key ~ '^[0-9a-f]{64}\\.webp$'),
        thumb_key text NOT NULL CHECK (thumb_key ~ '^[0-9a-f]{64}-t\\.webp$'),
        width int NOT NULL CHECK (width > 0),
        height int NOT NULL CHECK (height > 0),
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        caption text CHECK (char_length(caption) <= 200),
        uploaded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((growing_area_id IS NULL) <> (lot_id IS NULL)),
        FOREIGN KEY (organization_id, growing_area_id) REFERENCES growing_area (organization_id, id),
        FOREIGN KEY (organization_id, lot_id) REFERENCES lot (organization_id, id)
      )`);
    await q.query(`CREATE INDEX evidence_photo_area ON evidence_photo (organization_id, growing_area_id, created_at) WHERE growing_area_id IS NOT NULL`);
    await q.query(`CREATE INDEX evidence_photo_lot ON evidence_photo (organization_id, lot_id, created_at) WHERE lot_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence_photo`);
  }
}
