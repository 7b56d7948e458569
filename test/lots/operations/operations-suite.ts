import { afterAll, beforeAll } from '@jest/globals';
import { createLotTestSetup, createTestActor, refusalOf, startOperationsContext, type LotTestSetup, type OperationsContext } from '@app/testing';
import { HarvestOperation, type Actor, type LotResponse } from '@app/traceability';

/**
 * What every operation test file needs: the domain on the real database (started before the file's
 * tests, closed after), a fresh cooperative with its registry, a harvest to work on, and the refusal
 * of an operation with proof that it wrote nothing.
 */
export function operationsSuite() {
  let context: OperationsContext | undefined;
  beforeAll(async () => {
    context = await startOperationsContext();
  });
  afterAll(async () => {
    await context?.close();
  });
  const t = (): OperationsContext => context!;
  return {
    t,
    async cooperative(): Promise<{ actor: Actor; s: LotTestSetup }> {
      const actor = await createTestActor(t().dataSource);
      return { actor, s: await createLotTestSetup(t().dataSource, actor.organizationId) };
    },
    harvest(actor: Actor, s: LotTestSetup, quantity: string, growingAreaId = s.areaId): Promise<LotResponse> {
      return t().get(HarvestOperation).run(actor, { growingAreaId, productId: s.paddyId, quantity, unit: 'kg', harvestedAt: '2026-10-01T07:00:00+07:00' });
    },
    refused(actor: Actor, work: () => Promise<unknown>) {
      return refusalOf(t().dataSource, actor.organizationId, work);
    },
  };
}
