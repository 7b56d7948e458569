import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@app/config';
import { systemClock } from '../lots/clock.js';
import { EventsRepository } from '../lots/events.repository.js';
import { LotRegistryRepository } from '../lots/lot-registry.repository.js';
import { LotsRepository } from '../lots/lots.repository.js';
import type { Actor } from '../lots/operations/actor.js';
import { EventAppender } from '../lots/operations/event-appender.js';
import { HarvestOperation } from '../lots/operations/harvest.operation.js';
import { InspectOperation } from '../lots/operations/inspect.operation.js';
import { LotCodes } from '../lots/operations/lot-codes.js';
import { LotQueries } from '../lots/operations/lot-queries.js';
import { LotTransactions } from '../lots/operations/lot-transactions.js';
import { ShipOperation } from '../lots/operations/ship.operation.js';
import { TransformOperation } from '../lots/operations/transform.operation.js';
import { addDays, todayInVietnam } from '../registry/common/fields.js';
import { CropYieldLimitsRepository } from '../registry/growing-areas/crop-yield-limits.repository.js';
import { GrowingAreasRepository } from '../registry/growing-areas/growing-areas.repository.js';
import { GrowingAreasService } from '../registry/growing-areas/growing-areas.service.js';
import { InputApplicationsRepository } from '../registry/growing-areas/input-applications.repository.js';
import { PartnersRepository } from '../registry/partners/partners.repository.js';
import { REGISTRY_DEMO } from './registry-demo.js';

/**
 * Lots demo data (docs/domain.md): a season of Séng Cù sticky rice — three harvests from two registered
 * fields, merged, milled, packed into 2 kg bags (GS1 Digital Link), inspected and shipped — and a
 * batch of Mường Ảng coffee roasted and packed. Recorded through the lot operations in the seeding
 * transaction, so every rule applies and the hash chain verifies. Dates are relative to the day of
 * seeding. Runs after the registry seeder and finds its records by their stable keys; does nothing
 * when they are missing.
 */
export async function seedLotsDemo(manager: EntityManager, organizationId: string): Promise<void> {
  const dataSource = manager.connection;
  const growingAreas = new GrowingAreasService(
    new GrowingAreasRepository(dataSource),
    new InputApplicationsRepository(dataSource),
    new CropYieldLimitsRepository(dataSource),
    new PartnersRepository(dataSource),
    dataSource,
    { growingAreaCodePattern: undefined } as AppConfig,
  );
  const lotsRepository = new LotsRepository(dataSource);
  const eventsRepository = new EventsRepository(dataSource);
  const registry = new LotRegistryRepository(dataSource);
  const config = { publicBaseUrl: '' };
  const transactions = new LotTransactions(dataSource);
  const appender = new EventAppender(eventsRepository, lotsRepository, systemClock);
  const codes = new LotCodes(lotsRepository);
  const queries = new LotQueries(dataSource, lotsRepository, eventsRepository, config);
  const lots = {
    harvest: new HarvestOperation(transactions, appender, codes, queries, lotsRepository, registry, growingAreas, systemClock),
    transform: new TransformOperation(transactions, appender, codes, lotsRepository, config, systemClock),
    inspect: new InspectOperation(transactions, appender, lotsRepository, registry, systemClock),
    ship: new ShipOperation(transactions, appender, lotsRepository, config, systemClock),
  };

  const one = async (sql: string, params: unknown[]): Promise<string | null> => (await manager.query(sql, [organizationId, ...params]))[0]?.id ?? null;
  const area = (code: string) => one(`SELECT id FROM growing_area WHERE organization_id = $1 AND code = $2`, [code]);
  const owner = (areaId: string | null) => one(`SELECT partner_id AS id FROM growing_area_owner WHERE organization_id = $1 AND growing_area_id = $2 LIMIT 1`, [areaId]);
  const product = (where: string, value: string) => one(`SELECT id FROM product WHERE organization_id = $1 AND ${where} = $2 ORDER BY created_at LIMIT 1`, [value]);
  const facility = (nameSearch: string) => one(`SELECT id FROM facility WHERE organization_id = $1 AND name_search LIKE $2 || '%' LIMIT 1`, [nameSearch]);
  const partner = (kind: string) => one(`SELECT id FROM partner WHERE organization_id = $1 AND kind = $2 ORDER BY created_at LIMIT 1`, [kind]);

  const ids = {
    coMy: await area(REGISTRY_DEMO.sengCuAreaCode),
    noongHet: await area('VN-DBIH-0021'),
    coffeeArea: await area('VN-DBIH-0034'),
    paddy: await product('name_vi', 'Thóc nếp Séng Cù'),
    sengCu: await product('gtin', REGISTRY_DEMO.sengCuGtin),
    cherry: await product('name_vi', 'Cà phê quả tươi Mường Ảng'),
    coffee: await product('gtin', REGISTRY_DEMO.coffeeGtin),
    mill: await facility('xuong xay xat'),
    packingHouse: await facility('nha so che, dong goi'),
    warehouse: await facility('kho nong san'),
    roastery: await facility('xuong rang xay ca phe'),
    distributor: await partner('distributor'),
    shop: await partner('retailer'),
    lab: await partner('lab'),
  };
  if (Object.values(ids).some((id) => id === null)) return;
  const id = ids as { [K in keyof typeof ids]: string };
  const panh = await owner(id.coMy);
  const kien = await owner(id.noongHet);
  const hac = await owner(id.coffeeArea);
  const [user] = await manager.query(`SELECT id FROM app_user WHERE organization_id = $1 ORDER BY created_at LIMIT 1`, [organizationId]);
  const actor: Actor = { organizationId, userId: user?.id ?? null, apiKeyId: null };

  const today = todayInVietnam();
  const at = (daysAgo: number, time = '07:30') => `${addDays(today, -daysAgo)}T${time}:00+07:00`;

  // Séng Cù sticky rice: harvest, merge at the warehouse, mill, pack, inspect, ship.
  const harvest = (growingAreaId: string, partnerId: string | null, quantity: string, daysAgo: number, displayName: string) =>
    lots.harvest.run(actor, { growingAreaId, productId: id.paddy, quantity, unit: 'kg', harvestedAt: at(daysAgo), partnerId: partnerId ?? undefined, displayName }, manager);
  const h1 = await harvest(id.coMy, panh, '18000', 45, 'Lúa nếp Séng Cù vụ mùa – thửa 1, bản Co Mỵ');
  const h2 = await harvest(id.coMy, panh, '12000', 44, 'Lúa nếp Séng Cù vụ mùa – thửa 2, bản Co Mỵ');
  const h3 = await harvest(id.noongHet, kien, '9000', 43, 'Lúa nếp Séng Cù vụ mùa – Noong Hẹt');
  const merged = await lots.transform.run(
    actor,
    {
      inputs: [h1, h2, h3].map((lot) => ({ lotId: lot.id, quantity: lot.quantity, unit: 'kg' })),
      outputs: [{ productId: id.paddy, quantity: '39000', unit: 'kg', displayName: 'Thóc nếp Séng Cù gom vụ mùa' }],
      facilityId: id.warehouse,
      occurredAt: at(40, '09:00'),
      process: 'merging',
    },
    manager,
  );
  const milled = await lots.transform.run(
    actor,
    {
      inputs: [{ lotId: merged.outputs[0].id, quantity: '20000', unit: 'kg' }],
      outputs: [{ productId: id.sengCu, quantity: '13000', unit: 'kg', kind: 'processed', displayName: 'Gạo nếp Séng Cù xay xát' }],
      facilityId: id.mill,
      occurredAt: at(38, '08:00'),
      process: 'milling',
      documents: [{ type: 'production_order', number: 'LSX-XX-018' }],
    },
    manager,
  );
  const packed = await lots.transform.run(
    actor,
    {
      inputs: [{ lotId: milled.outputs[0].id, quantity: '10000', unit: 'kg' }],
      outputs: [{ productId: id.sengCu, quantity: '5000', unit: 'pack' }],
      facilityId: id.packingHouse,
      occurredAt: at(35, '14:00'),
      process: 'packing',
      documents: [{ type: 'production_order', number: 'LĐG-SC-007' }],
    },
    manager,
  );
  const bags = packed.outputs[0];
  await lots.inspect.run(
    actor,
    bags.id,
    {
      result: 'conformant',
      inspectedAt: at(34, '10:00'),
      partnerId: id.lab,
      documents: [{ type: 'test_result', number: 'KQ-TĐC-2026-0415' }],
      parameters: [
        { name: 'Độ ẩm', value: '13.2', unit: '%' },
        { name: 'Dư lượng Hexaconazole', value: '< 0.01', unit: 'mg/kg' },
      ],
    },
    manager,
  );
  await lots.ship.run(
    actor,
    bags.id,
    {
      partnerId: id.distributor,
      quantity: '1200',
      unit: 'pack',
      shippedAt: at(30, '06:00'),
      documents: [
        { type: 'invoice', number: 'HĐ 0000187' },
        { type: 'delivery_note', number: 'PXK-2026-112' },
      ],
    },
    manager,
  );
  await lots.ship.run(actor, bags.id, { partnerId: id.shop, quantity: '300', unit: 'pack', shippedAt: at(28, '08:00'), documents: [{ type: 'delivery_note', number: 'PXK-2026-115' }] }, manager);

  // Mường Ảng coffee: fresh cherries roasted, ground and packed in 500 g bags.
  const cherries = await lots.harvest.run(
    actor,
    { growingAreaId: id.coffeeArea, productId: id.cherry, quantity: '8000', unit: 'kg', harvestedAt: at(60), partnerId: hac ?? undefined },
    manager,
  );
  await lots.transform.run(
    actor,
    {
      inputs: [{ lotId: cherries.id, quantity: '8000', unit: 'kg' }],
      outputs: [{ productId: id.coffee, quantity: '2400', unit: 'pack' }],
      facilityId: id.roastery,
      occurredAt: at(50, '09:00'),
      process: 'roasting, grinding and packing',
    },
    manager,
  );
}
