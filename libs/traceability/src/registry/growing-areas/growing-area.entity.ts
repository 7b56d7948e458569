import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GrowingAreaGeometry } from '../../common/geojson.js';
import type { GrowingAreaStatus } from './growing-area-status.js';

/** A registered field or zone with its official code (mã số vùng trồng). */
@Entity('growing_area')
export class GrowingArea {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  /** Opaque string issued by the plant-protection authority; unique per issuer across the deployment. */
  @Column('text') code: string;
  /** '' when not given. */
  @Column('text', { default: '' }) issuer: string;
  @Column('text') name: string;
  @Column('text') nameSearch: string;
  /** A crop key (see CROPS): rice, sticky_rice, tea, coffee… */
  @Column('text') crop: string;
  @Column('text', { nullable: true }) variety: string | null;
  @Column('numeric', { precision: 12, scale: 4 }) areaHa: string;
  @Column('text') province: string;
  /** Official code of the province (2 digits) since 1 July 2025; null when the text matches no unit. */
  @Column('char', { length: 2, nullable: true }) provinceCode: string | null;
  /** Official code of the commune (5 digits); null when the text matches no commune of the province. */
  @Column('char', { length: 5, nullable: true }) communeCode: string | null;
  @Column('text', { nullable: true }) commune: string | null;
  @Column('jsonb', { nullable: true }) location: GrowingAreaGeometry | null;
  /** Changed only through a status change, which also writes the history. */
  @Column('text', { default: 'draft' }) status: GrowingAreaStatus;
  @Column('date', { nullable: true }) issuedAt: string | null;
  @Column('text', { array: true, default: () => `'{}'` }) targetMarkets: string[];
  @Column('text', { nullable: true }) standard: string | null;
  /** Expected harvest per season, in tonnes. */
  @Column('numeric', { precision: 14, scale: 4, nullable: true }) expectedYieldT: string | null;
  /** This area's own ceiling (t/ha per season); overrides the organization's and the default. */
  @Column('numeric', { name: 'max_yield_t_per_ha', precision: 10, scale: 3, nullable: true }) maxYieldTPerHa: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
