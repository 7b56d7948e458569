import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Unit } from '../../common/units.js';

/** Units a net content per piece or pack may be given in (a pack cannot contain "packs"). */
export const NET_CONTENT_UNITS = ['kg', 't', 'g', 'l', 'ml', 'pcs'] as const;
export type NetContentUnit = (typeof NET_CONTENT_UNITS)[number];

/** The six OCOP product groups of Decision 148/QĐ-TTg (2023). */
export const OCOP_GROUPS = [
  { group: 1, vi: 'Thực phẩm', en: 'Food' },
  { group: 2, vi: 'Đồ uống', en: 'Beverages' },
  { group: 3, vi: 'Thảo dược', en: 'Herbal products' },
  { group: 4, vi: 'Vải và may mặc', en: 'Textiles and garments' },
  { group: 5, vi: 'Lưu niệm – nội thất – trang trí', en: 'Souvenirs, furniture and decoration' },
  { group: 6, vi: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch', en: 'Community and eco-tourism services' },
] as const;

@Entity('product')
export class Product {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('text') nameVi: string;
  @Column('text', { nullable: true }) nameEn: string | null;
  @Column('text') nameSearch: string;
  @Column('smallint', { nullable: true }) ocopGroup: number | null;
  /** GTIN-14 (shorter GTINs left-padded with zeros), unique across the deployment. */
  @Column('char', { length: 14, nullable: true }) gtin: string | null;
  @Column('text') unit: Unit;
  @Column('numeric', { precision: 18, scale: 6, nullable: true }) netContent: string | null;
  @Column('text', { nullable: true }) netContentUnit: NetContentUnit | null;
  @Column('int', { nullable: true }) shelfLifeDays: number | null;
  @Column('text', { nullable: true }) brand: string | null;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text', { nullable: true }) imageUrl: string | null;
  /** Standards and regulations applied (TCVN, QCVN, VietGAP, in-house…): item 10 of Circular 02/2024. */
  @Column('text', { array: true, default: () => `'{}'` }) standards: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
