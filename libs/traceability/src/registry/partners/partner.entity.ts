import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Parties in the value chain (docs/domain.md#words). Member households belong to the cooperative that lists them. */
export const PARTNER_KINDS = ['member_household', 'collector', 'processor', 'packer', 'distributor', 'retailer', 'transporter', 'lab'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Never shown outside the partner's own organization (docs/rules.md#public-pages-expose-only-public-data). */
export const PARTNER_PRIVATE_FIELDS = ['phone', 'citizenId', 'taxCode', 'notes'] as const;

@Entity('partner')
export class Partner {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('text') kind: PartnerKind;
  @Column('text') name: string;
  @Column('text') nameSearch: string;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { nullable: true }) citizenId: string | null;
  @Column('text', { nullable: true }) taxCode: string | null;
  @Column('text', { nullable: true }) commune: string | null;
  @Column('text', { nullable: true }) province: string | null;
  /** Official code of the province (2 digits) since 1 July 2025; null when the text matches no unit. */
  @Column('char', { length: 2, nullable: true }) provinceCode: string | null;
  /** Official code of the commune (5 digits); null when the text matches no commune of the province. */
  @Column('char', { length: 5, nullable: true }) communeCode: string | null;
  @Column('text', { nullable: true }) address: string | null;
  @Column('char', { length: 13, nullable: true }) gln: string | null;
  /** ISO 3166-1 alpha-2; null means Vietnam (VN). */
  @Column('char', { length: 2, nullable: true }) country: string | null;
  @Column('uuid', { nullable: true }) linkedOrganizationId: string | null;
  @Column('text', { nullable: true }) notes: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
