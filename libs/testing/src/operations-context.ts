import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule, runMigrations } from '@app/database';
import { TRACEABILITY_ENTITIES, TraceabilityModule, type Actor } from '@app/traceability';
import { testConfig } from './test-app.js';

@Module({})
class OperationsTestModule {
  static register(config: AppConfig): DynamicModule {
    return { module: OperationsTestModule, imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(TRACEABILITY_ENTITIES), TraceabilityModule] };
  }
}

/** The domain's providers on the real, migrated database, without HTTP (immich's "medium tests"). */
export interface OperationsContext {
  context: INestApplicationContext;
  dataSource: DataSource;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

export async function startOperationsContext(config = testConfig()): Promise<OperationsContext> {
  await runMigrations(config.databaseUrl!);
  const context = await NestFactory.createApplicationContext(OperationsTestModule.register(config), { logger: false });
  return {
    context,
    dataSource: context.get(DataSource),
    get: (type) => context.get(type),
    close: () => context.close(),
  };
}

/** A fresh organization with one recorder, written straight to the tables; the actor that records for it. */
export async function createTestActor(db: Pick<DataSource, 'query'>, name = `HTX Thử nghiệm ${randomUUID().slice(0, 8)}`): Promise<Actor> {
  const [organization] = await db.query(`INSERT INTO organization (name, kind, province) VALUES ($1, 'cooperative', 'Điện Biên') RETURNING id`, [name]);
  const [user] = await db.query(`INSERT INTO app_user (organization_id, email, password_hash, role) VALUES ($1, $2, 'x', 'recorder') RETURNING id`, [
    organization.id,
    `recorder-${randomUUID()}@test.nguon.vn`,
  ]);
  return { organizationId: organization.id, userId: user.id, apiKeyId: null };
}

/** Everything an operation could write for an organization, to prove a refusal wrote nothing. */
export async function lotFootprint(db: Pick<DataSource, 'query'>, organizationId: string): Promise<Record<string, string>> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM lot WHERE organization_id = $1)::text AS lots,
            (SELECT count(*) FROM event WHERE organization_id = $1)::text AS events,
            (SELECT count(*) FROM event_line WHERE organization_id = $1)::text AS lines,
            (SELECT count(*) FROM lot_link WHERE organization_id = $1)::text AS links,
            (SELECT count(*) FROM shipment WHERE organization_id = $1)::text AS shipments,
            (SELECT coalesce(sum(consumed), 0)::text FROM lot WHERE organization_id = $1) AS consumed,
            (SELECT string_agg(status, ',' ORDER BY id) FROM lot WHERE organization_id = $1) AS statuses`,
    [organizationId],
  );
  return row;
}

/**
 * What an operation refused with (its code and the field named in its details) and whether it
 * wrote anything for the organization anyway. An operation that went through answers code 'NONE'.
 */
export async function refusalOf(db: Pick<DataSource, 'query'>, organizationId: string, work: () => Promise<unknown>): Promise<{ code: string; field?: unknown; wrote: boolean }> {
  const before = await lotFootprint(db, organizationId);
  let code = 'NONE';
  let field: unknown;
  try {
    await work();
  } catch (error) {
    const e = error as { code?: string; details?: { field?: unknown } };
    if (!e.code) throw error;
    code = e.code;
    field = e.details?.field;
  }
  const wrote = JSON.stringify(await lotFootprint(db, organizationId)) !== JSON.stringify(before);
  return field === undefined ? { code, wrote } : { code, field, wrote };
}
