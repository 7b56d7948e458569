import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ImportJob } from './import-job.entity.js';

/** Import rows, always by organization (docs/rules.md#tenants-are-isolated). */
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ImportJob);
  }

  find(organizationId: string, id: string, manager?: EntityManager): Promise<ImportJob | null> {
    return this.repo(manager).findOneBy({ organizationId, id });
  }

  findLocked(organizationId: string, id: string, manager: EntityManager): Promise<ImportJob | null> {
    return this.repo(manager).findOne({ where: { organizationId, id }, lock: { mode: 'pessimistic_write' } });
  }

  findByDigest(organizationId: string, kind: string, digest: string): Promise<ImportJob | null> {
    return this.repo().findOneBy({ organizationId, kind: kind as ImportJob['kind'], digest });
  }

  /** Inserts, or answers the import the same file already made (a concurrent identical upload). */
  async insert(values: Partial<ImportJob>, file?: Buffer): Promise<{ job: ImportJob; inserted: boolean }> {
    // In a transaction of its own, so that an Idempotency-Key commits with the row (docs/rules.md#retries-are-safe).
    const result = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.createQueryBuilder().insert().into(ImportJob).values(values as ImportJob).orIgnore().returning('id').execute();
      const id = inserted.identifiers[0]?.id as string | undefined;
      // A historical file is kept beside its import: the worker streams it again at commit.
      if (id && file) await manager.query(`INSERT INTO import_file (import_id, organization_id, bytes) VALUES ($1, $2, $3)`, [id, values.organizationId, file]);
      return inserted;
    });
    const id = result.identifiers[0]?.id as string | undefined;
    const job = id ? await this.find(values.organizationId!, id) : await this.findByDigest(values.organizationId!, values.kind!, values.digest!);
    return { job: job!, inserted: !!id };
  }

  async save(job: ImportJob, manager?: EntityManager): Promise<void> {
    await this.repo(manager).save(job);
  }

  /** Imports whose commit was asked for but is not finished (for the worker's re-enqueue sweep). */
  unfinished(): Promise<Pick<ImportJob, 'id' | 'organizationId' | 'committedBy' | 'committedByRole' | 'status'>[]> {
    return this.repo().find({ select: { id: true, organizationId: true, committedBy: true, committedByRole: true, status: true }, where: [{ status: 'queued' }, { status: 'committing' }] });
  }
}
