import { describe, expect, it } from '@jest/globals';
import { addTestInputApplication, changeTestGrowingAreaStatus, createTestActor, createTestPartner } from '@app/testing';
import { HarvestOperation } from '@app/traceability';
import { operationsSuite } from './operations-suite.js';

/** The harvest operation on the real database, without HTTP: the rules of docs/rules.md, “Harvests come from a real, active growing area”. */
describe('HarvestOperation', () => {
  const { t, cooperative, refused } = operationsSuite();
  const harvest = () => t().get(HarvestOperation);

  it('makes a harvest lot with a generated code from the product name, its origin and an event', async () => {
    const { actor, s } = await cooperative();
    const lot = await harvest().run(actor, { growingAreaId: s.areaId, productId: s.paddyId, quantity: 1200.5, unit: 'kg', harvestedAt: '2026-10-01T07:00:00+07:00', partnerId: s.householdId });
    expect(lot).toMatchObject({ kind: 'harvest', status: 'active', quantity: '1200.5', unit: 'kg', consumed: '0', growingArea: { id: s.areaId }, household: { id: s.householdId } });
    expect(lot.code).toMatch(/^TNSC-2026-\d{6}$/);
    const [event] = await t().dataSource.query(`SELECT type, biz_step, growing_area_id, source_partner_id FROM event WHERE id = $1`, [lot.createdEventId]);
    expect(event).toEqual({ type: 'harvest', biz_step: 'commissioning', growing_area_id: s.areaId, source_partner_id: s.householdId });
  });

  it('refuses, writing nothing, a harvest from an area that was not active that day', async () => {
    const { actor, s } = await cooperative();
    await changeTestGrowingAreaStatus(t().dataSource, actor.organizationId, s.areaId, 'suspended', '2026-09-01T00:00:00+07:00');
    expect(await refused(actor, () => harvest().run(actor, { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-01' }))).toEqual({
      code: 'GROWING_AREA_NOT_ACTIVE',
      field: 'growingAreaId',
      wrote: false,
    });
    // Before the suspension the area was active: a backdated harvest from then is accepted.
    expect(await refused(actor, () => harvest().run(actor, { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-08-20' }))).toEqual({
      code: 'NONE',
      wrote: true,
    });
  });

  it('refuses a harvest inside a pre-harvest interval and accepts it from the first safe day', async () => {
    const { actor, s } = await cooperative();
    await addTestInputApplication(t().dataSource, actor.organizationId, s.areaId, { appliedAt: '2026-09-20', phiDays: 14 });
    const on = (harvestedAt: string) => () => harvest().run(actor, { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt });
    expect(await refused(actor, on('2026-10-03'))).toEqual({ code: 'HARVEST_INSIDE_PHI', field: 'harvestedAt', wrote: false });
    expect(await refused(actor, on('2026-10-04'))).toEqual({ code: 'NONE', wrote: true });
  });

  it('refuses a season total above the plausible yield unless acknowledged with a reason, and records the override', async () => {
    const { actor, s } = await cooperative();
    // 2 ha of sticky rice: far more than 2 ha could yield in a year.
    const big = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '500', unit: 't', harvestedAt: '2026-10-01' };
    expect(await refused(actor, () => harvest().run(actor, big))).toEqual({ code: 'HARVEST_YIELD_IMPLAUSIBLE', field: 'quantity', wrote: false });
    expect(await refused(actor, () => harvest().run(actor, { ...big, acknowledgeYieldWarning: true, yieldWarningReason: '  ' }))).toEqual({
      code: 'YIELD_WARNING_REASON_REQUIRED',
      field: 'yieldWarningReason',
      wrote: false,
    });
    const lot = await harvest().run(actor, { ...big, acknowledgeYieldWarning: true, yieldWarningReason: 'Cân lại ở kho, đúng số liệu' });
    const [event] = await t().dataSource.query(`SELECT details -> 'yieldOverride' ->> 'reason' AS reason FROM event WHERE id = $1`, [lot.createdEventId]);
    expect(event.reason).toBe('Cân lại ở kho, đúng số liệu');
  });

  it('accepts only a member household that owns the area as the harvester', async () => {
    const { actor, s } = await cooperative();
    const base = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-01' };
    expect(await refused(actor, () => harvest().run(actor, { ...base, partnerId: s.secondHouseholdId }))).toEqual({ code: 'PARTNER_NOT_AREA_OWNER', field: 'partnerId', wrote: false });
    expect(await refused(actor, () => harvest().run(actor, { ...base, partnerId: s.distributorId }))).toEqual({ code: 'PARTNER_NOT_HOUSEHOLD', field: 'partnerId', wrote: false });
  });

  it('refuses a future harvest date, a taken lot code and another organization’s growing area', async () => {
    const { actor, s } = await cooperative();
    const other = await cooperative();
    const base = { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-01' };
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await refused(actor, () => harvest().run(actor, { ...base, harvestedAt: future }))).toEqual({ code: 'HARVEST_DATE_IN_FUTURE', field: 'harvestedAt', wrote: false });
    await harvest().run(actor, { ...base, lotCode: 'CM-2026-01' });
    expect(await refused(actor, () => harvest().run(actor, { ...base, lotCode: 'CM-2026-01' }))).toEqual({ code: 'LOT_CODE_TAKEN', field: 'lotCode', wrote: false });
    expect(await refused(actor, () => harvest().run(actor, { ...base, growingAreaId: other.s.areaId }))).toEqual({ code: 'GROWING_AREA_NOT_FOUND', field: 'growingAreaId', wrote: false });
    // The same code is free in another organization.
    expect(await refused(other.actor, () => harvest().run(other.actor, { ...base, growingAreaId: other.s.areaId, productId: other.s.paddyId, lotCode: 'CM-2026-01' }))).toEqual({
      code: 'NONE',
      wrote: true,
    });
  });

  it('refuses a household partner of another organization', async () => {
    const { actor, s } = await cooperative();
    const other = await createTestActor(t().dataSource);
    const stranger = await createTestPartner(t().dataSource, other.organizationId);
    expect(
      await refused(actor, () => harvest().run(actor, { growingAreaId: s.areaId, productId: s.paddyId, quantity: '10', unit: 'kg', harvestedAt: '2026-10-01', partnerId: stranger })),
    ).toEqual({ code: 'PARTNER_NOT_FOUND', field: 'partnerId', wrote: false });
  });
});
