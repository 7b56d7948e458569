import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** owner ⊃ admin ⊃ recorder ⊃ viewer. */
export const ROLES = ['owner', 'admin', 'recorder', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(required);
}

/** The unique index on `lower(email)`: an email names one account across the platform. */
export const USER_EMAIL_UNIQUE = 'app_user_email_key';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') organizationId: string;
  @Column('text') email: string;
  @Column('text', { nullable: true }) name: string | null;
  @Column('text', { select: false }) passwordHash: string;
  @Column('text') role: Role;
  /** A deactivated user cannot log in and their sessions are revoked; an admin can reactivate them. */
  @Column('timestamptz', { nullable: true }) deactivatedAt: Date | null;
  /** Removed users stay as rows (events name who recorded them) but lose their email and password. */
  @Column('timestamptz', { nullable: true, select: false }) removedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
