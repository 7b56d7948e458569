import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GeoJsonPoint } from '../../common/geojson.js';

export const FACILITY_KINDS = ['processing_plant', 'packing_house', 'warehouse'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** Status of a facility's official code, e.g. a packing house's mã số cơ sở đóng gói. */
export const FACILITY_CODE_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type FacilityCodeStatus = (typeof FACILITY_CODE_STATUSES)[number];

@Entity('facility')
export class Facility {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('text') kind: FacilityKind;
  @Column('text') name: string;
  @Column('text') nameSearch: string;
  @Column('text', { nullable: true }) code: string | null;
  @Column('text', { nullable: true }) codeIssuer: string | null;
  @Column('text', { nullable: true }) codeStatus: FacilityCodeStatus | null;
  @Column('text', { nullable: true }) address: string | null;
  @Column('text', { nullable: true }) commune: string | null;
  @Column('text', { nullable: true }) province: string | null;
  /** Official code of the province (2 digits) since 1 July 2025; null when the text matches no unit. */
  @Column('char', { length: 2, nullable: true }) provinceCode: string | null;
  /** Official code of the commune (5 digits); null when the text matches no commune of the province. */
  @Column('char', { length: 5, nullable: true }) communeCode: string | null;
  @Column('char', { length: 13, nullable: true }) gln: string | null;
  @Column('jsonb', { nullable: true }) location: GeoJsonPoint | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
