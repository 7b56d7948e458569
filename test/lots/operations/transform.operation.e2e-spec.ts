import { describe, expect, it } from '@jest/globals';
import { LotQueries, TransformOperation } from '@app/traceability';
import { operationsSuite } from './operations-suite.js';

/** Transform (processing, merging, packing) on the real database: mass balance and origin (docs/rules.md, “Mass balance”). */
describe('TransformOperation', () => {
  const { t, cooperative, harvest, refused } = operationsSuite();
  const transform = () => t().get(TransformOperation);

  it('mills a harvest: the input gives out what it gave, the output keeps the single origin', async () => {
    const { actor, s } = await cooperative();
    const paddy = await harvest(actor, s, '1000');
    const { event, outputs } = await transform().run(actor, {
      inputs: [{ lotId: paddy.id, quantity: '0.6', unit: 't' }],
      outputs: [{ productId: s.riceId, quantity: '400', unit: 'kg' }],
      facilityId: s.facilityId,
      occurredAt: '2026-10-02T08:00:00+07:00',
      process: 'milling',
    });
    expect(event).toMatchObject({ type: 'transform', bizStep: 'commissioning' });
    expect(outputs[0]).toMatchObject({ kind: 'processed', quantity: '400', growingArea: { id: s.areaId }, facility: { id: s.facilityId } });
    expect(await t().get(LotQueries).getLot(actor, paddy.id)).toMatchObject({ consumed: '600', available: '400' });
  });

  it('merges lots of two areas into a commingled lot, and packs by the pack (kind packed)', async () => {
    const { actor, s } = await cooperative();
    const [a, b] = [await harvest(actor, s, '100'), await harvest(actor, s, '50', s.secondAreaId)];
    const merged = await transform().run(actor, {
      inputs: [{ lotId: a.id, quantity: '100', unit: 'kg' }, { lotId: b.id, quantity: '50', unit: 'kg' }],
      outputs: [{ productId: s.paddyId, quantity: '150', unit: 'kg' }],
      occurredAt: '2026-10-02',
      process: 'merging',
    });
    expect(merged.outputs[0]).toMatchObject({ growingArea: null, household: null, kind: 'processed' });
    const packed = await transform().run(actor, {
      inputs: [{ lotId: merged.outputs[0].id, quantity: '150', unit: 'kg' }],
      outputs: [{ productId: s.packId, quantity: '300', unit: 'pack' }],
      occurredAt: '2026-10-03',
      process: 'đóng gói',
    });
    expect(packed.event.bizStep).toBe('packing');
    expect(packed.outputs[0]).toMatchObject({ kind: 'packed', unit: 'pack', expiresAt: '2027-10-03' });
  });

  it('refuses, writing nothing: more than an input has left, the same input twice, an output with an input’s code, an event before its input', async () => {
    const { actor, s } = await cooperative();
    const paddy = await harvest(actor, s, '100');
    const base = { outputs: [{ productId: s.riceId, quantity: '10', unit: 'kg' }], occurredAt: '2026-10-02', process: 'milling' };
    expect(await refused(actor, () => transform().run(actor, { ...base, inputs: [{ lotId: paddy.id, quantity: '100.5', unit: 'kg' }] }))).toEqual({
      code: 'LOT_OVERCONSUMED',
      field: 'inputs[0].quantity',
      wrote: false,
    });
    const line = { lotId: paddy.id, quantity: '1', unit: 'kg' };
    expect(await refused(actor, () => transform().run(actor, { ...base, inputs: [line, line] }))).toEqual({ code: 'INPUT_LOT_DUPLICATE', field: 'inputs[1].lotId', wrote: false });
    expect(
      await refused(actor, () => transform().run(actor, { ...base, inputs: [line], outputs: [{ productId: s.riceId, quantity: '1', unit: 'kg', lotCode: paddy.code }] })),
    ).toEqual({ code: 'LOT_CYCLE', field: 'outputs[0].lotCode', wrote: false });
    expect(await refused(actor, () => transform().run(actor, { ...base, inputs: [line], occurredAt: '2026-09-01' }))).toEqual({ code: 'EVENT_BEFORE_INPUT', field: 'occurredAt', wrote: false });
    expect(await refused(actor, () => transform().run(actor, { ...base, inputs: [{ ...line, unit: 'l' }] }))).toEqual({ code: 'UNIT_INCOMPATIBLE', field: 'inputs[0].unit', wrote: false });
  });

  it('does not see another organization’s lots or products', async () => {
    const { actor, s } = await cooperative();
    const other = await cooperative();
    const theirs = await harvest(other.actor, other.s, '100');
    const base = { occurredAt: '2026-10-02', process: 'milling' };
    expect(
      await refused(actor, () => transform().run(actor, { ...base, inputs: [{ lotId: theirs.id, quantity: '1', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '1', unit: 'kg' }] })),
    ).toEqual({ code: 'LOT_NOT_FOUND', field: 'inputs[0].lotId', wrote: false });
    const mine = await harvest(actor, s, '100');
    expect(
      await refused(actor, () => transform().run(actor, { ...base, inputs: [{ lotId: mine.id, quantity: '1', unit: 'kg' }], outputs: [{ productId: other.s.riceId, quantity: '1', unit: 'kg' }] })),
    ).toEqual({ code: 'PRODUCT_NOT_FOUND', field: 'outputs[0].productId', wrote: false });
  });

  it('lets concurrent transforms of one lot give out no more than it has', async () => {
    const { actor, s } = await cooperative();
    const paddy = await harvest(actor, s, '100');
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        transform().run(actor, { inputs: [{ lotId: paddy.id, quantity: '30', unit: 'kg' }], outputs: [{ productId: s.riceId, quantity: '20', unit: 'kg' }], occurredAt: '2026-10-02', process: 'milling' }),
      ),
    );
    const refusedCodes = attempts.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason.code);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    expect(new Set(refusedCodes)).toEqual(new Set(['LOT_OVERCONSUMED']));
    expect(await t().get(LotQueries).getLot(actor, paddy.id)).toMatchObject({ consumed: '90', available: '10' });
  });
});
