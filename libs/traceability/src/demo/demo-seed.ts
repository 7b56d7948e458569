import argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { demoPlace, seedRegistryDemo } from './registry-demo.js';
import { seedLotsDemo } from './lots-demo.js';

export { REGISTRY_DEMO } from './registry-demo.js';

export const DEMO_LOGIN = { email: 'demo@nguon.vn', password: 'nguon-demo-2026' } as const;
export const DEMO_ORGANIZATION_NAME = 'HTX Nông nghiệp Séng Cù Mường Thanh';

/**
 * Demo data from Điện Biên's OCOP programme (docs/domain.md#demo-data), loaded once: a second run finds the demo
 * organization and does nothing.
 */
export async function seedDemoData(dataSource: DataSource): Promise<{ created: boolean; organizationId: string }> {
  const existing = await dataSource.query(`SELECT organization_id AS id FROM app_user WHERE lower(email) = $1`, [DEMO_LOGIN.email]);
  if (existing.length) return { created: false, organizationId: existing[0].id };

  const passwordHash = await argon2.hash(DEMO_LOGIN.password, { type: argon2.argon2id });
  const demoHome = demoPlace({ province: 'Điện Biên', commune: 'Thanh Xương' });
  const organizationId = await dataSource.transaction(async (manager) => {
    const [organization] = await manager.query(
      `INSERT INTO organization (name, kind, province, commune, province_code, commune_code, address, phone)
       VALUES ($1, 'cooperative', $2, $3, $4, $5, 'Bản Co Mỵ, phường Mường Thanh, tỉnh Điện Biên', '0215 3826 888')
       RETURNING id`,
      [DEMO_ORGANIZATION_NAME, demoHome.province, demoHome.commune, demoHome.province_code, demoHome.commune_code],
    );
    await manager.query(`INSERT INTO app_user (organization_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, 'owner')`, [
      organization.id,
      DEMO_LOGIN.email,
      'Lò Văn Minh',
      passwordHash,
    ]);
    for (const seed of DEMO_SEEDERS) await seed(manager, organization.id);
    return organization.id as string;
  });
  return { created: true, organizationId };
}

type Seeder = (manager: import('typeorm').EntityManager, organizationId: string) => Promise<void>;

/** Each capability adds the demo records it owns here (registry, lots, labels…). */
export const DEMO_SEEDERS: Seeder[] = [seedRegistryDemo, seedLotsDemo];
