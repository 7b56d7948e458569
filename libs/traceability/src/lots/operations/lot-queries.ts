import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Db } from '@app/database';
import type { Caller } from '../../accounts/caller.js';
import { notFound } from '../../common/domain.exception.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../common/keyset-cursor.js';
import { JsonBody } from '../../common/json-body.js';
import { pageTotal } from '../../common/page-total.js';
import { EventsRepository } from '../events.repository.js';
import { toEventResponse, toLotResponse, toShipmentResponse, type EventResponse, type LotResponse, type ShipmentResponse } from '../lot-views.js';
import type { LotKind, LotStatus, ShipmentStatus } from '../lot-rows.js';
import { LotAnswers } from '../lot-answers.js';
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

/** A page of lots as the API answers it. */
export interface LotPage {
  items: LotResponse[];
  total: number | null;
  nextCursor: string | null;
}

const ITEMS_OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');
const EMPTY = Buffer.alloc(0);

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

  /** The lots' answers kept for pages of lots, in this process. */
  private readonly answers = new LotAnswers();

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

  /**
   * A page of lots. Asked for the first time, its lots are read whole and answered. Asked for again
   * lately (the first page of a console open all day), the page reads only where its lots stand and
   * the versions of their rows, then the lots whose answers are not kept at that version; each
   * answer is made once per version, kept as UTF-8 bytes (LotAnswers), and the page joined from them.
   */
  async listLots(reader: Reader, query: LotListQuery): Promise<LotPage | JsonBody<LotPage>> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeKeysetCursor(query.cursor, { value: 'timestamp' }) : undefined;
    const { total: _asked, ...filter } = query;
    const listFilter = { ...filter, search: query.search?.trim() || undefined, limit: limit + 1, after, count: query.total === true };
    const organizationId = reader.organizationId;
    const pageOf = <T extends { id: string; createdAtText: string }>(items: T[], counted: number | undefined) => {
      const last = items[limit - 1];
      return {
        page: items.slice(0, limit),
        total: pageTotal({ fetched: items.length, limit, firstPage: !after, counted }),
        nextCursor: items.length > limit && last ? encodeKeysetCursor({ value: last.createdAtText, id: last.id }) : null,
      };
    };
    if (!this.answers.askedBefore(`${organizationId} ${JSON.stringify(listFilter)}`)) {
      const { items, total: counted } = await this.lots.listLots(organizationId, listFilter, 'lots');
      const { page, total, nextCursor } = pageOf(items, counted);
      return { items: page.map((lot) => toLotResponse(lot, this.config.publicBaseUrl)), total, nextCursor };
    }
    const { items, total: counted } = await this.lots.listLots(organizationId, listFilter, 'positions');
    const { page, total, nextCursor } = pageOf(items, counted);
    const answers = page.map((lot) => this.answers.get(lot.id, lot.version));
    const missing = page.filter((_lot, i) => !answers[i]).map((lot) => lot.id);
    if (missing.length) {
      const lots = new Map((await this.lots.findVersionedLots(organizationId, missing)).map((lot) => [lot.id, lot]));
      page.forEach((position, i) => {
        const lot = lots.get(position.id);
        if (answers[i] || !lot) return;
        answers[i] = Buffer.from(JSON.stringify(toLotResponse(lot, this.config.publicBaseUrl)));
        this.answers.keep(lot.id, lot.version, answers[i]);
      });
    }
    // Lots are never deleted, so each position has its lot; were one gone, the page would leave it out.
    const parts: Buffer[] = [ITEMS_OPEN];
    for (const answer of answers) if (answer) parts.push(parts.length > 1 ? COMMA : EMPTY, answer);
    parts.push(Buffer.from(`],"total":${JSON.stringify(total)},"nextCursor":${JSON.stringify(nextCursor)}}`));
    return new JsonBody(Buffer.concat(parts));
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
