import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const CERTIFICATION_KINDS = ['ocop', 'vietgap', 'globalgap', 'organic', 'haccp', 'other'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

/** Who recognised it: OCOP 5★ is recognised centrally, 3–4★ by the province (Decision 148/QĐ-TTg). */
export const ISSUING_LEVELS = ['central', 'provincial', 'district'] as const;
export type IssuingLevel = (typeof ISSUING_LEVELS)[number];

export const CERTIFICATION_SCOPE_TYPES = ['product', 'growing_area', 'facility', 'organization'] as const;
export type CertificationScopeType = (typeof CERTIFICATION_SCOPE_TYPES)[number];

@Entity('certification')
export class Certification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('text') kind: CertificationKind;
  /** OCOP stars (3–5); null for other kinds. */
  @Column('smallint', { nullable: true }) level: number | null;
  @Column('text', { nullable: true }) issuingLevel: IssuingLevel | null;
  /** Certificate or decision number, e.g. "1234/QĐ-UBND". */
  @Column('text') number: string;
  @Column('text') issuer: string;
  /** Calendar dates 'YYYY-MM-DD'; the certification is valid from issuedAt through expiresAt. */
  @Column('date') issuedAt: string;
  @Column('date', { nullable: true }) expiresAt: string | null;
  @Column('text') scopeType: CertificationScopeType;
  @Column('uuid') scopeId: string;
  @Column('text', { nullable: true }) documentUrl: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
