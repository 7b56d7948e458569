import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Db } from '@app/database';
import type { Caller } from '../../accounts/caller.js';
import { notFound } from '../../common/domain.exception.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../common/keyset-cursor.js';
import { pageTotal } from '../../common/page-total.js';
import { EventsRepository } from '../events.repository.js';
import { toEventResponse, toLotResponse, toShipmentResponse, type EventResponse, type LotResponse, type ShipmentResponse } from '../lot-views.js';
import type { LotKind, LotStatus, ShipmentStatus } from '../lot-rows.js';
import { LotsRepository } from '../lots.repository.js';

type Reader = Pick<Caller, 'organizationId'>;

export interface LotListQuery {
  search?: string;
  status?: LotStatus;
  kind?: LotKind;
  productId?: string;
  growingAreaId?: string;
  limit?: number;
  cursor?: string;
  /** Count every match (`total`); otherwise `total` is known only when the list fits on its first page. */
  total?: boolean;
}

export interface ShipmentListQuery {
  direction?: 'incoming' | 'outgoing';
  status?: ShipmentStatus;
  lotId?: string;
  limit?: number;
  cursor?: string;
  /** As for lots. */
  total?: boolean;
}

/** The reads of lots, their events and shipments, as the API answers them; every one scoped by organization. */
@Injectable()
export class LotQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lots: LotsRepository,
    private readonly events: EventsRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
  ) {}

  getLot(reader: Reader, lotId: string): Promise<LotResponse> {
    return this.lot(reader.organizationId, lotId);
  }

  /** A lot as the API answers it, read on `db` (an operation's transaction, or the data source). */
  async lot(organizationId: string, lotId: string, db?: Db): Promise<LotResponse> {
    const lot = await this.lots.findLot(organizationId, lotId, db ?? this.dataSource);
    if (!lot) throw notFound('Lot', lotId);
    return toLotResponse(lot, this.config.publicBaseUrl);
  }

  async lotEvents(reader: Reader, lotId: string): Promise<{ items: EventResponse[]; total: number }> {
    if (!(await this.lots.findLot(reader.organizationId, lotId))) throw notFound('Lot', lotId);
    const items = (await this.events.listForLot(reader.organizationId, lotId)).map((event) => toEventResponse(event));
    return { items, total: items.length };
  }

  async listLots(reader: Reader, query: LotListQuery): Promise<{ items: LotResponse[]; total: number | null; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeKeysetCursor(query.cursor, { value: 'timestamp' }) : undefined;
    const { total: _asked, ...filter } = query;
    const { items, total } = await this.lots.listLots(reader.organizationId, { ...filter, search: query.search?.trim() || undefined, limit: limit + 1, after, count: query.total === true });
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((lot) => toLotResponse(lot, this.config.publicBaseUrl)),
      total: pageTotal({ fetched: items.length, limit, firstPage: !after, counted: total }),
      nextCursor: items.length > limit && last ? encodeKeysetCursor({ value: last.createdAtText, id: last.id }) : null,
    };
  }

  async listShipments(reader: Reader, query: ShipmentListQuery): Promise<{ items: ShipmentResponse[]; total: number | null; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeKeysetCursor(query.cursor, { value: 'timestamp' }) : undefined;
    const { items, total } = await this.lots.listShipments(reader.organizationId, query.direction ?? 'outgoing', {
      status: query.status,
      lotId: query.lotId,
      limit: limit + 1,
      after,
      count: query.total === true,
    });
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((s) => toShipmentResponse(s, reader.organizationId, this.config.publicBaseUrl)),
      total: pageTotal({ fetched: items.length, limit, firstPage: !after, counted: total }),
      nextCursor: items.length > limit && last ? encodeKeysetCursor({ value: last.createdAtText, id: last.id }) : null,
    };
  }

  async getShipment(reader: Reader, shipmentId: string): Promise<ShipmentResponse> {
    const shipment = await this.lots.findShipmentForParty(reader.organizationId, shipmentId);
    if (!shipment) throw notFound('Shipment', shipmentId);
    return toShipmentResponse(shipment, reader.organizationId, this.config.publicBaseUrl);
  }

  async getEvent(reader: Reader, eventId: string): Promise<EventResponse> {
    const event = await this.events.findEvent(reader.organizationId, eventId);
    if (!event) throw notFound('Event', eventId);
    return toEventResponse(event);
  }
}
