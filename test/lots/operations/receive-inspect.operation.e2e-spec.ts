import { describe, expect, it } from '@jest/globals';
import { createTestActor, createTestPartner } from '@app/testing';
import { InspectOperation, ReceiveOperation, RecallOperation, ShipOperation, VoidEventOperation } from '@app/traceability';
import { operationsSuite } from './operations-suite.js';

/** Receive and inspect on the real database (docs/rules.md: only the receiving organization receives a shipment, once). */
describe('ReceiveOperation and InspectOperation', () => {
  const { t, cooperative, harvest, refused } = operationsSuite();
  const receive = () => t().get(ReceiveOperation);
  const inspect = () => t().get(InspectOperation);

  /** A lot of the sender shipped to a receiving organization that accepted its shipments. */
  async function shipped(quantity = '40') {
    const sender = await cooperative();
    const receiver = await createTestActor(t().dataSource);
    const partnerId = await createTestPartner(t().dataSource, sender.actor.organizationId, { kind: 'distributor', linkedOrganizationId: receiver.organizationId, tradeLinkAccepted: true });
    const lot = await harvest(sender.actor, sender.s, '100');
    const { shipment, event } = await t().get(ShipOperation).run(sender.actor, lot.id, { partnerId, quantity, unit: 'kg', shippedAt: '2026-10-03' });
    return { sender, receiver, lot, shipment, shipEventId: event.id };
  }

  it('receives a shipment into a lot of the receiver that keeps the sender’s code, production date and quantity', async () => {
    const { receiver, lot, shipment } = await shipped();
    const result = await receive().run(receiver, shipment.id, { receivedAt: '2026-10-04' });
    expect(result.lot).toMatchObject({ kind: 'received', code: lot.code, quantity: '40', unit: 'kg', producedAt: lot.producedAt, status: 'active' });
    expect(result.shipment).toMatchObject({ status: 'received', receivedLotId: result.lot.id });
    expect(await refused(receiver, () => receive().run(receiver, shipment.id, {}))).toEqual({ code: 'SHIPMENT_ALREADY_RECEIVED', field: 'id', wrote: false });
  });

  it('lets only the receiver receive, not before the shipment left', async () => {
    const { sender, receiver, shipment } = await shipped();
    expect(await refused(sender.actor, () => receive().run(sender.actor, shipment.id, {}))).toEqual({ code: 'SHIPMENT_NOT_RECEIVABLE', field: 'id', wrote: false });
    const stranger = await createTestActor(t().dataSource);
    expect(await refused(stranger, () => receive().run(stranger, shipment.id, {}))).toEqual({ code: 'SHIPMENT_NOT_FOUND', wrote: false });
    expect(await refused(receiver, () => receive().run(receiver, shipment.id, { receivedAt: '2026-10-02' }))).toEqual({ code: 'EVENT_BEFORE_INPUT', field: 'receivedAt', wrote: false });
  });

  it('receives a lot recalled in transit as a recalled lot, and refuses a cancelled shipment', async () => {
    const { sender, receiver, lot, shipment } = await shipped();
    await t().get(RecallOperation).run(sender.actor, { lotId: lot.id, reason: 'Dư lượng vượt ngưỡng' });
    const result = await receive().run(receiver, shipment.id, {});
    expect(result.lot).toMatchObject({ status: 'recalled', recallReason: 'Dư lượng vượt ngưỡng' });

    const other = await shipped();
    await t().get(VoidEventOperation).run(other.sender.actor, other.shipEventId, { reason: 'Giao nhầm' });
    expect(await refused(other.receiver, () => receive().run(other.receiver, other.shipment.id, {}))).toEqual({ code: 'SHIPMENT_CANCELLED', field: 'id', wrote: false });
  });

  it('records an inspection on a lot, also a recalled one, but not on a voided one', async () => {
    const { actor, s } = await cooperative();
    const lot = await harvest(actor, s, '100');
    const lab = await createTestPartner(t().dataSource, actor.organizationId, { kind: 'lab', name: 'Trung tâm Kiểm nghiệm Điện Biên' });
    const inspection = {
      result: 'conformant' as const,
      inspectedAt: '2026-10-02',
      partnerId: lab,
      documents: [{ type: 'test_result', number: 'KQ-01' }],
      notes: '  Đạt  ',
      parameters: [{ name: 'Độ ẩm', value: '13.2', unit: '%' }],
    };
    const { event } = await inspect().run(actor, lot.id, inspection);
    expect(event).toMatchObject({ type: 'inspect', disposition: 'conformant', sourcePartnerId: lab, details: { result: 'conformant', lab: { name: 'Trung tâm Kiểm nghiệm Điện Biên' }, notes: 'Đạt' } });
    expect(event.lines).toEqual([expect.objectContaining({ lotId: lot.id, direction: 'observed', quantity: '100' })]);

    await t().get(RecallOperation).run(actor, { lotId: lot.id, reason: 'Thu hồi' });
    expect(await refused(actor, () => inspect().run(actor, lot.id, { ...inspection, result: 'non_conformant' }))).toEqual({ code: 'NONE', wrote: true });

    const voided = await harvest(actor, s, '5');
    await t().get(VoidEventOperation).run(actor, voided.createdEventId!, { reason: 'Nhập nhầm' });
    expect(await refused(actor, () => inspect().run(actor, voided.id, inspection))).toEqual({ code: 'LOT_VOIDED', field: 'id', wrote: false });
  });
});
