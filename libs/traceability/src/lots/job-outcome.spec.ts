import { describe, expect, it } from '@jest/globals';
import type { QueueProducer } from '@app/queue';
import { AuditJobsService } from './audit-jobs.service.js';
import { RecallJobsService } from './recall-jobs.service.js';

const ORG = '0197a4c2-0000-7000-8000-000000000001';

/**
 * A queue whose job ends between the two reads of a status request: the first read finds it running
 * (no outcome yet), its state is already final, and only a second read has the outcome.
 */
function endingBetweenReads(state: 'completed' | 'failed', outcome: { returnvalue?: unknown; failedReason?: string }) {
  const data = { organizationId: ORG, lotId: 'lot-1', requestedAt: '2026-12-05T00:00:00.000Z' };
  const reads = [{ data, progress: {}, returnvalue: null, failedReason: undefined }, { data, progress: {}, returnvalue: null, failedReason: undefined, ...outcome }];
  let read = 0;
  const producer = {
    getJob: async () => ({ ...reads[Math.min(read++, 1)], getState: async () => state }),
  };
  return producer as unknown as QueueProducer;
}

describe('a job that ends while its status is being read', () => {
  it('a refused recall answers its code, not INTERNAL_ERROR', async () => {
    const service = new RecallJobsService(null as never, null as never, endingBetweenReads('failed', { failedReason: 'LOT_ALREADY_RECALLED: lot is already recalled' }));
    expect(await service.get({ organizationId: ORG }, 'job-1')).toMatchObject({ status: 'failed', errorCode: 'LOT_ALREADY_RECALLED', errorMessage: 'lot is already recalled' });
  });

  it('a finished recall answers its result', async () => {
    const result = { event: { type: 'recall' }, lots: [{ id: 'lot-1' }] };
    const service = new RecallJobsService(null as never, null as never, endingBetweenReads('completed', { returnvalue: result }));
    expect(await service.get({ organizationId: ORG }, 'job-1')).toMatchObject({ status: 'done', progress: 100, result });
  });

  it('a failed verification answers why', async () => {
    const service = new AuditJobsService(null as never, null as never, endingBetweenReads('failed', { failedReason: 'connection terminated' }));
    expect(await service.get({ organizationId: ORG }, 'job-1')).toMatchObject({ status: 'failed', errorMessage: 'connection terminated' });
  });
});
