import { ListOf } from './list-of.js';
import { ShipmentDto } from './shipment.dto.js';

export const ShipmentListDto = ListOf(ShipmentDto, 'ShipmentListDto');
