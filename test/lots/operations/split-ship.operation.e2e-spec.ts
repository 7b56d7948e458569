import { describe, expect, it } from '@jest/globals';
import { createTestActor, createTestPartner } from '@app/testing';
import { LotQueries, ShipOperation, SplitOperation } from '@app/traceability';
import { operationsSuite } from './operations-suite.js';

/** Split and ship on the real database: they give out of one lot, within what it has left (docs/rules.md, “Mass balance”). */
describe('SplitOperation and ShipOperation', () => {
  const { t, cooperative, harvest, refused } = operationsSuite();
  const split = () => t().get(SplitOperation);
  const ship = () => t().get(ShipOperation);

  it('splits a lot into parts that keep its origin and production date', async () => {
    const { actor, s } = await cooperative();
    const lot = await harvest(actor, s, '100');
    const { event, outputs } = await split().run(actor, lot.id, { parts: [{ quantity: '60', unit: 'kg' }, { quantity: '0.03', unit: 't', lotCode: 'PART-B' }], occurredAt: '2026-10-02' });
    expect(event).toMatchObject({ type: 'split', bizStep: 'repackaging' });
    expect(outputs.map((o) => [o.kind, o.quantity, o.unit, o.growingArea?.id, o.producedAt])).toEqual([
      ['split', '60', 'kg', s.areaId, lot.producedAt],
      ['split', '0.03', 't', s.areaId, lot.producedAt],
    ]);
    expect(outputs[1].code).toBe('PART-B');
    expect(await t().get(LotQueries).getLot(actor, lot.id)).toMatchObject({ consumed: '90', available: '10' });
  });

  it('refuses parts beyond what is left, a part with the lot’s own code or two parts with one code', async () => {
    const { actor, s } = await cooperative();
    const lot = await harvest(actor, s, '100');
    expect(await refused(actor, () => split().run(actor, lot.id, { parts: [{ quantity: '60', unit: 'kg' }, { quantity: '41', unit: 'kg' }] }))).toEqual({
      code: 'LOT_OVERCONSUMED',
      field: 'parts',
      wrote: false,
    });
    expect(await refused(actor, () => split().run(actor, lot.id, { parts: [{ quantity: '1', unit: 'kg', lotCode: lot.code }] }))).toEqual({
      code: 'LOT_CYCLE',
      field: 'parts[0].lotCode',
      wrote: false,
    });
    expect(
      await refused(actor, () => split().run(actor, lot.id, { parts: [{ quantity: '1', unit: 'kg', lotCode: 'X-1' }, { quantity: '1', unit: 'kg', lotCode: 'X-1' }] })),
    ).toEqual({ code: 'LOT_CODE_DUPLICATE', field: 'parts[1].lotCode', wrote: false });
  });

  it('ships a quantity to a partner: the lot gives it out and the shipment is in transit', async () => {
    const { actor, s } = await cooperative();
    const lot = await harvest(actor, s, '100');
    const { event, shipment } = await ship().run(actor, lot.id, {
      partnerId: s.distributorId,
      quantity: '25',
      unit: 'kg',
      shippedAt: '2026-10-03T06:00:00+07:00',
      documents: [{ type: ' invoice ', number: ' HĐ 0001 ' }],
    });
    expect(event).toMatchObject({ type: 'ship', disposition: 'in_transit', destinationPartnerId: s.distributorId, documents: [{ type: 'invoice', number: 'HĐ 0001' }] });
    expect(shipment).toMatchObject({ status: 'in_transit', quantity: '25', unit: 'kg', partner: { id: s.distributorId } });
    expect(await t().get(LotQueries).getLot(actor, lot.id)).toMatchObject({ consumed: '25' });
  });

  it('refuses a shipment beyond what is left, to an unknown partner, or to an organization that has not accepted our shipments', async () => {
    const { actor, s } = await cooperative();
    const lot = await harvest(actor, s, '100');
    const base = { partnerId: s.distributorId, quantity: '10', unit: 'kg', shippedAt: '2026-10-03' };
    expect(await refused(actor, () => ship().run(actor, lot.id, { ...base, quantity: '100.000001' }))).toEqual({ code: 'LOT_OVERCONSUMED', field: 'quantity', wrote: false });
    const stranger = await createTestActor(t().dataSource);
    const theirPartner = await createTestPartner(t().dataSource, stranger.organizationId, { kind: 'distributor' });
    expect(await refused(actor, () => ship().run(actor, lot.id, { ...base, partnerId: theirPartner }))).toEqual({ code: 'PARTNER_NOT_FOUND', field: 'partnerId', wrote: false });
    const pending = await createTestPartner(t().dataSource, actor.organizationId, { kind: 'distributor', linkedOrganizationId: stranger.organizationId });
    expect(await refused(actor, () => ship().run(actor, lot.id, { ...base, partnerId: pending }))).toEqual({ code: 'PARTNER_LINK_NOT_CONFIRMED', field: 'partnerId', wrote: false });
    expect(await refused(actor, () => ship().run(actor, lot.id, { ...base, shippedAt: '2026-09-30' }))).toEqual({ code: 'EVENT_BEFORE_INPUT', field: 'shippedAt', wrote: false });
  });
});
