import { describe, expect, it } from '@jest/globals';
import { createTestActor, type LotTestSetup } from '@app/testing';
import { LotQueries, RecallOperation, SplitOperation, TransformOperation, VoidEventOperation, type Actor } from '@app/traceability';
import { operationsSuite } from './operations-suite.js';

/** Void and recall on the real database (docs/rules.md, “Immutable history” and “Recalls propagate”). */
describe('VoidEventOperation and RecallOperation', () => {
  const { t, cooperative, harvest, refused } = operationsSuite();
  const voidEvent = () => t().get(VoidEventOperation);
  const recall = () => t().get(RecallOperation);
  const mill = (actor: Actor, s: LotTestSetup, lotId: string, quantity: string) =>
    t().get(TransformOperation).run(actor, { inputs: [{ lotId, quantity, unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '1', unit: 'kg' }], occurredAt: '2026-10-02', process: 'milling' });
  const lot = (actor: Actor, id: string) => t().get(LotQueries).getLot(actor, id);

  it('voids a transform: its inputs get back what they gave, its outputs are voided, the original stays in history', async () => {
    const { actor, s } = await cooperative();
    const paddy = await harvest(actor, s, '100');
    const milled = await mill(actor, s, paddy.id, '30');
    const { event, voided } = await voidEvent().run(actor, milled.event.id, { reason: '  Nhập nhầm khối lượng ' });
    expect(event).toMatchObject({ type: 'void', voidsEventId: milled.event.id, reason: 'Nhập nhầm khối lượng' });
    expect(voided).toMatchObject({ id: milled.event.id, voided: { eventId: event.id } });
    expect(await lot(actor, paddy.id)).toMatchObject({ consumed: '0', status: 'active' });
    expect(await lot(actor, milled.outputs[0].id)).toMatchObject({ status: 'voided' });
  });

  it('refuses to void twice, to void a void, without a reason, or when what it made has been used since', async () => {
    const { actor, s } = await cooperative();
    const paddy = await harvest(actor, s, '100');
    const parts = await t().get(SplitOperation).run(actor, paddy.id, { parts: [{ quantity: '50', unit: 'kg' }] });
    expect(await refused(actor, () => voidEvent().run(actor, paddy.createdEventId!, { reason: 'x' }))).toEqual({ code: 'EVENT_HAS_DOWNSTREAM', field: 'id', wrote: false });
    expect(await refused(actor, () => voidEvent().run(actor, parts.event.id, { reason: ' ' }))).toEqual({ code: 'VOID_REASON_REQUIRED', field: 'reason', wrote: false });
    const { event } = await voidEvent().run(actor, parts.event.id, { reason: 'Chia nhầm' });
    expect(await refused(actor, () => voidEvent().run(actor, parts.event.id, { reason: 'lại' }))).toEqual({ code: 'EVENT_ALREADY_VOIDED', field: 'id', wrote: false });
    expect(await refused(actor, () => voidEvent().run(actor, event.id, { reason: 'lại' }))).toEqual({ code: 'EVENT_NOT_VOIDABLE', field: 'id', wrote: false });
  });

  it('recalls a lot and every lot made from it, which then cannot be used', async () => {
    const { actor, s } = await cooperative();
    const paddy = await harvest(actor, s, '100');
    const unrelated = await harvest(actor, s, '10');
    const milled = await mill(actor, s, paddy.id, '30');
    const result = await recall().run(actor, { lotId: paddy.id, reason: 'Dư lượng thuốc BVTV vượt ngưỡng' });
    expect(result.lots.map((l) => l.id).sort()).toEqual([paddy.id, milled.outputs[0].id].sort());
    expect(await lot(actor, milled.outputs[0].id)).toMatchObject({ status: 'recalled', recallReason: 'Dư lượng thuốc BVTV vượt ngưỡng' });
    expect(await lot(actor, unrelated.id)).toMatchObject({ status: 'active' });
    expect(await refused(actor, () => mill(actor, s, paddy.id, '1'))).toEqual({ code: 'LOT_RECALLED', field: 'inputs[0].lotId', wrote: false });
    expect(await refused(actor, () => recall().run(actor, { lotId: paddy.id, reason: 'lại' }))).toEqual({ code: 'LOT_ALREADY_RECALLED', field: 'lotId', wrote: false });
    // The answer a replay gets is the same recall.
    expect((await recall().result(actor, result.event.id)).lots.map((l) => l.id).sort()).toEqual(result.lots.map((l) => l.id).sort());
  });

  it('does not void or recall another organization’s events and lots', async () => {
    const { actor, s } = await cooperative();
    const stranger = await createTestActor(t().dataSource);
    const paddy = await harvest(actor, s, '100');
    expect(await refused(stranger, () => voidEvent().run(stranger, paddy.createdEventId!, { reason: 'x' }))).toEqual({ code: 'EVENT_NOT_FOUND', wrote: false });
    expect(await refused(stranger, () => recall().run(stranger, { lotId: paddy.id, reason: 'x' }))).toEqual({ code: 'LOT_NOT_FOUND', field: 'lotId', wrote: false });
    expect(await lot(actor, paddy.id)).toMatchObject({ status: 'active' });
  });
});
