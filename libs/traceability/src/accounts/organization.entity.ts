import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ORGANIZATION_KINDS = ['cooperative', 'enterprise', 'household_business', 'programme_office'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
/** What anyone may sign up as; programme offices are created by a platform operator. */
export const SIGNUP_ORGANIZATION_KINDS = ['cooperative', 'enterprise', 'household_business'] as const;

@Entity('organization')
export class Organization {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') kind: OrganizationKind;
  @Column('text', { nullable: true }) province: string | null;
  /** Official code of the province (2 digits) since 1 July 2025; null when the text matches no unit. */
  @Column('char', { length: 2, nullable: true }) provinceCode: string | null;
  /** Official code of the commune (5 digits); null when the text matches no commune of the province. */
  @Column('char', { length: 5, nullable: true }) communeCode: string | null;
  @Column('text', { nullable: true }) commune: string | null;
  @Column('text', { nullable: true }) address: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { nullable: true }) taxCode: string | null;
  /** GS1 GLN of the organization: its party (PGLN) and main location (SGLN) in EPCIS. */
  @Column('char', { length: 13, nullable: true }) gln: string | null;
  /** GS1 company prefix (6–12 digits, e.g. 893 + the company number): splits its GTINs and GLNs for EPC URNs. */
  @Column('text', { nullable: true }) gs1CompanyPrefix: string | null;
  /** When a platform operator confirmed this programme office; null: it oversees nothing. */
  @Column('timestamptz', { nullable: true }) officeConfirmedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
