import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Caller } from '../accounts/caller.js';
import { notFound } from '../common/domain.exception.js';
import { EventsRepository } from './events.repository.js';
import { toEventResponse, toLotResponse, toShipmentResponse, type LotResponse, type ShipmentResponse } from './lot-views.js';
import { LotsRepository } from './lots.repository.js';

/**
 * The answer of a lot operation (harvest, transform, split, ship, receive, inspect, void), read back
 * from the event it appended: what a retry with its Idempotency-Key gets when the process died
 * after the commit and before the answer was stored. Same shape as the operation's own answer, with
 * the lots and shipment as they are now.
 */
@Injectable()
export class OperationResultsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly lots: LotsRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicBaseUrl'>,
  ) {}

  async resultOf(actor: Pick<Caller, 'organizationId'>, eventId: string): Promise<unknown> {
    const organizationId = actor.organizationId;
    const event = await this.events.findEvent(organizationId, eventId);
    if (!event) throw notFound('Event', eventId);
    const outputs = event.lines.filter((line) => line.direction === 'output').map((line) => line.lotId);
    const details = event.details as { shipmentId?: string };
    switch (event.type) {
      case 'harvest':
        return (await this.lotResponses(organizationId, outputs))[0];
      case 'transform':
      case 'split':
        return { event: toEventResponse(event), outputs: await this.lotResponses(organizationId, outputs) };
      case 'ship':
        return { event: toEventResponse(event), shipment: await this.shipment(organizationId, details.shipmentId!) };
      case 'receive': {
        const [lot, shipment] = await Promise.all([this.lotResponses(organizationId, outputs), this.shipment(organizationId, details.shipmentId!)]);
        return { event: toEventResponse(event), lot: lot[0], shipment };
      }
      case 'void': {
        const voided = await this.events.findEvent(organizationId, event.voidsEventId!);
        return { event: toEventResponse(event), voided: toEventResponse(voided!) };
      }
      default:
        return { event: toEventResponse(event) };
    }
  }

  private async lotResponses(organizationId: string, ids: string[]): Promise<LotResponse[]> {
    const lots = new Map((await this.lots.findLotsByIds(organizationId, ids)).map((lot) => [lot.id, lot]));
    return ids.map((id) => toLotResponse(lots.get(id)!, this.config.publicBaseUrl));
  }

  private async shipment(organizationId: string, id: string): Promise<ShipmentResponse> {
    const shipment = await this.lots.findShipmentForParty(organizationId, id);
    if (!shipment) throw notFound('Shipment', id);
    return toShipmentResponse(shipment, organizationId, this.config.publicBaseUrl);
  }
}
