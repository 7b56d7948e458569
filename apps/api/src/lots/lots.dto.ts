import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { LOT_KINDS, LOT_STATUSES, SHIPMENT_STATUSES, UNITS } from '@app/traceability';

// ------------------------------------------------------------------ validators

/** A quantity as a JSON number or a decimal string; the service parses it exactly (QUANTITY_INVALID, 422). */
export function IsQuantityLike(): PropertyDecorator {
  return ValidateBy({
    name: 'isQuantityLike',
    validator: {
      validate: (value: unknown) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 40),
      defaultMessage: (args) => `${args?.property ?? 'quantity'} must be a number or a decimal string such as "12.5"`,
    },
  });
}

/**
 * Text PostgreSQL can store: no NUL or other control characters (tab and line breaks allowed), no
 * unpaired surrogate. Otherwise the database would refuse it with a 500.
 */
export function IsSafeText(): PropertyDecorator {
  return ValidateBy({
    name: 'isSafeText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u.test(value),
      defaultMessage: (args) => `${args?.property ?? 'text'} contains control characters`,
    },
  });
}

const QUANTITY_SCHEMA = { oneOf: [{ type: 'string' }, { type: 'number' }], example: '125.5', description: 'Decimal, > 0, at most 6 decimals' };
const UNIT_SCHEMA = { enum: [...UNITS], example: 'kg', description: 'Unknown units answer 422 UNIT_UNKNOWN' };
const DATE_TIME = { example: '2026-10-05T08:30:00+07:00', description: 'ISO 8601; without an offset it is Vietnam time (+07:00)' };

// ------------------------------------------------------------------ requests

export class EventDocumentDto {
  @ApiProperty({ example: 'invoice', description: 'invoice, delivery_note, purchase_order, test_result, certificate… or a CBV code' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @IsSafeText()
  type: string;

  @ApiProperty({ example: 'HĐ 0012/2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsSafeText()
  number: string;
}

export class HarvestDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() growingAreaId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() productId: string;
  @ApiProperty(QUANTITY_SCHEMA) @IsQuantityLike() quantity: string | number;
  @ApiProperty(UNIT_SCHEMA) @IsString() @MaxLength(10) unit: string;
  @ApiProperty(DATE_TIME) @IsString() @MaxLength(40) harvestedAt: string;
  @ApiPropertyOptional({ example: 'DB-2026-000123', description: 'GS1 AI (10): ≤ 20 characters, no diacritics or spaces; generated when absent' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  lotCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The member household (partner of kind member_household) who harvested' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;
  @ApiPropertyOptional({ example: 'Lúa nếp vụ mùa ruộng Co Mỵ' }) @IsOptional() @IsString() @MaxLength(200) @IsSafeText() displayName?: string;
  @ApiPropertyOptional({ description: 'Accept a season total above area × max yield; needs yieldWarningReason' })
  @IsOptional()
  @IsBoolean()
  acknowledgeYieldWarning?: boolean;
  @ApiPropertyOptional({ example: 'Giống mới năng suất cao, đã được phòng NN xác nhận' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @IsSafeText()
  yieldWarningReason?: string;
  @ApiPropertyOptional({ type: EventDocumentDto, isArray: true, description: 'Reference documents (field tag, harvest log…): FSMA 204 asks for their type and number' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => EventDocumentDto)
  @ArrayMaxSize(20)
  documents?: EventDocumentDto[];
}

export class TransformInputLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() lotId: string;
  @ApiProperty(QUANTITY_SCHEMA) @IsQuantityLike() quantity: string | number;
  @ApiProperty(UNIT_SCHEMA) @IsString() @MaxLength(10) unit: string;
}

export class TransformOutputLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() productId: string;
  @ApiProperty(QUANTITY_SCHEMA) @IsQuantityLike() quantity: string | number;
  @ApiProperty(UNIT_SCHEMA) @IsString() @MaxLength(10) unit: string;
  @ApiPropertyOptional({ example: 'GNSC-2026-000042' }) @IsOptional() @IsString() @MaxLength(40) lotCode?: string;
  @ApiPropertyOptional({ enum: ['processed', 'packed'], description: 'Default: packed when the process is packing or the unit is pack/pcs' })
  @IsOptional()
  @IsIn(['processed', 'packed'])
  kind?: 'processed' | 'packed';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) @IsSafeText() displayName?: string;
}

export class TransformDto {
  @ApiProperty({ type: TransformInputLineDto, isArray: true, description: 'Lots used and how much of each (mass balance is checked)' })
  @ValidateNested({ each: true })
  @Type(() => TransformInputLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  inputs: TransformInputLineDto[];

  @ApiProperty({ type: TransformOutputLineDto, isArray: true, description: 'Lots made' })
  @ValidateNested({ each: true })
  @Type(() => TransformOutputLineDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  outputs: TransformOutputLineDto[];

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
  @ApiProperty(DATE_TIME) @IsString() @MaxLength(40) occurredAt: string;
  @ApiProperty({ example: 'milling', description: 'drying, milling, roasting, merging, packing…' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsSafeText()
  process: string;
  @ApiPropertyOptional({ type: EventDocumentDto, isArray: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => EventDocumentDto)
  @ArrayMaxSize(20)
  documents?: EventDocumentDto[];
}

export class SplitPartDto {
  @ApiProperty(QUANTITY_SCHEMA) @IsQuantityLike() quantity: string | number;
  @ApiProperty(UNIT_SCHEMA) @IsString() @MaxLength(10) unit: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) lotCode?: string;
}

export class SplitDto {
  @ApiProperty({ type: SplitPartDto, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => SplitPartDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  parts: SplitPartDto[];
  @ApiPropertyOptional({ ...DATE_TIME, description: 'Default: now' }) @IsOptional() @IsString() @MaxLength(40) occurredAt?: string;
}

export class ShipDto {
  @ApiProperty({ format: 'uuid', description: 'The partner shipped to; when it is linked to an organization on the platform, that organization can receive it' })
  @IsUUID()
  partnerId: string;
  @ApiProperty(QUANTITY_SCHEMA) @IsQuantityLike() quantity: string | number;
  @ApiProperty(UNIT_SCHEMA) @IsString() @MaxLength(10) unit: string;
  @ApiProperty(DATE_TIME) @IsString() @MaxLength(40) shippedAt: string;
  @ApiPropertyOptional({ type: EventDocumentDto, isArray: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => EventDocumentDto)
  @ArrayMaxSize(20)
  documents?: EventDocumentDto[];
}

export class ReceiveDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Your product to receive into; default: yours with the same name and unit, else a copy of the sender’s' })
  @IsOptional()
  @IsUUID()
  productId?: string;
  @ApiPropertyOptional({ description: 'Default: the sender’s lot code when you have no lot with it' }) @IsOptional() @IsString() @MaxLength(40) lotCode?: string;
  @ApiPropertyOptional({ ...DATE_TIME, description: 'Default: now' }) @IsOptional() @IsString() @MaxLength(40) receivedAt?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilityId?: string;
}

export class InspectionParameterDto {
  @ApiProperty({ example: 'Chlorpyrifos' }) @IsString() @MinLength(1) @MaxLength(100) @IsSafeText() name: string;
  @ApiProperty({ example: '< 0.01' }) @IsString() @MinLength(1) @MaxLength(100) @IsSafeText() value: string;
  @ApiPropertyOptional({ example: 'mg/kg' }) @IsOptional() @IsString() @MaxLength(30) @IsSafeText() unit?: string;
}

export class InspectDto {
  @ApiProperty({ enum: ['conformant', 'non_conformant'] }) @IsIn(['conformant', 'non_conformant']) result: 'conformant' | 'non_conformant';
  @ApiProperty(DATE_TIME) @IsString() @MaxLength(40) inspectedAt: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The lab (a partner)' }) @IsOptional() @IsUUID() partnerId?: string;
  @ApiProperty({ type: EventDocumentDto, isArray: true, description: 'The lab report or QC record (at least one)' })
  @ValidateNested({ each: true })
  @Type(() => EventDocumentDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  documents: EventDocumentDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) @IsSafeText() notes?: string;
  @ApiPropertyOptional({ type: InspectionParameterDto, isArray: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => InspectionParameterDto)
  @ArrayMaxSize(100)
  parameters?: InspectionParameterDto[];
}

export class VoidDto {
  @ApiProperty({ example: 'Nhập nhầm khối lượng' }) @IsString() @MinLength(1) @MaxLength(1000) @IsSafeText() reason: string;
}

export class RecallDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() lotId: string;
  @ApiProperty({ example: 'Dư lượng thuốc BVTV vượt ngưỡng' }) @IsString() @MinLength(1) @MaxLength(1000) @IsSafeText() reason: string;
}

export class LotPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

export class LotListQueryDto extends LotPageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a lot code, any case', example: '2026-0001' }) @IsOptional() @IsString() @MaxLength(40) search?: string;
  @ApiPropertyOptional({ description: 'The same as `search`, under the name every registry list uses (the console sends `q`); `search` wins when both are given', example: '2026-0001' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  q?: string;
  @ApiPropertyOptional({ enum: LOT_STATUSES }) @IsOptional() @IsIn([...LOT_STATUSES]) status?: (typeof LOT_STATUSES)[number];
  @ApiPropertyOptional({ enum: LOT_KINDS }) @IsOptional() @IsIn([...LOT_KINDS]) kind?: (typeof LOT_KINDS)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() productId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() growingAreaId?: string;
}

export class ShipmentListQueryDto extends LotPageQueryDto {
  @ApiPropertyOptional({ enum: ['incoming', 'outgoing'], default: 'outgoing', description: 'incoming: sent to you by organizations on the platform' })
  @IsOptional()
  @IsIn(['incoming', 'outgoing'])
  direction?: 'incoming' | 'outgoing';
  @ApiPropertyOptional({ enum: SHIPMENT_STATUSES }) @IsOptional() @IsIn([...SHIPMENT_STATUSES]) status?: (typeof SHIPMENT_STATUSES)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() lotId?: string;
}

export class TraceQueryDto {
  @ApiPropertyOptional({ enum: ['back', 'forward'], default: 'back' }) @IsOptional() @IsIn(['back', 'forward']) direction?: 'back' | 'forward';
}

export class EpcisQueryDto {
  @ApiPropertyOptional({ description: 'Lot URIs (Digital Link or short URL), comma-separated or repeated', type: String })
  @IsOptional()
  @ValidateBy({ name: 'isStringOrStrings', validator: { validate: (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.length <= 100 && v.every((s) => typeof s === 'string')) } })
  MATCH_anyEPCClass?: string | string[];
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' }) @IsOptional() @IsString() @MaxLength(40) GE_eventTime?: string;
  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z' }) @IsOptional() @IsString() @MaxLength(40) LT_eventTime?: string;
  @ApiPropertyOptional({ example: 'shipping', description: 'Bare CBV step or its URN/URI form, comma-separated or repeated', type: String })
  @IsOptional()
  @ValidateBy({ name: 'isStringOrStrings', validator: { validate: (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.length <= 20 && v.every((s) => typeof s === 'string')) } })
  EQ_bizStep?: string | string[];
  @ApiPropertyOptional({ example: 'ObjectEvent', type: String })
  @IsOptional()
  @ValidateBy({ name: 'isStringOrStrings', validator: { validate: (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.length <= 5 && v.every((s) => typeof s === 'string')) } })
  eventType?: string | string[];
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 30 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) perPage?: number;
  @ApiPropertyOptional({ description: 'From the Link rel="next" header of the previous page' }) @IsOptional() @IsString() @MaxLength(200) nextPageToken?: string;
}

// ------------------------------------------------------------------ responses

class LotProductRefDto {
  @ApiProperty() id: string;
  @ApiProperty() nameVi: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty({ type: String, nullable: true }) gtin: string | null;
  @ApiProperty() unit: string;
}

class LotAvailabilityDto {
  @ApiProperty({ example: '1250.5' }) quantity: string;
  @ApiProperty({ example: '1000' }) consumed: string;
  @ApiProperty({ example: '250.5' }) available: string;
  @ApiProperty({ example: 'kg' }) unit: string;
}

class LotRefDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

class LotAreaRefDto extends LotRefDto {
  @ApiProperty({ type: String, nullable: true }) code: string | null;
}

export class LotDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'GNSC-2026-000001' }) code: string;
  @ApiProperty({ example: 'K7M2Q9XZ' }) shortCode: string;
  @ApiProperty({ description: 'GS1 Digital Link when the product has a GTIN, else the short URL' }) uri: string;
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ enum: LOT_KINDS }) kind: string;
  @ApiProperty({ enum: LOT_STATUSES }) status: string;
  @ApiProperty({ type: LotProductRefDto }) product: LotProductRefDto;
  @ApiProperty() quantity: string;
  @ApiProperty() unit: string;
  @ApiProperty({ description: 'Given out so far (transform, split, ship), in the lot’s unit' }) consumed: string;
  @ApiProperty({ description: 'quantity − consumed' }) available: string;
  @ApiProperty({ type: LotAvailabilityDto }) availability: LotAvailabilityDto;
  @ApiProperty({ type: LotAreaRefDto, nullable: true }) growingArea: LotAreaRefDto | null;
  @ApiProperty({ type: LotRefDto, nullable: true }) household: LotRefDto | null;
  @ApiProperty({ type: LotRefDto, nullable: true }) facility: LotRefDto | null;
  @ApiProperty({ example: '2026-10-05T08:30:00.000+07:00' }) producedAt: string;
  @ApiProperty({ example: '+07:00' }) producedAtOffset: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-10-05' }) expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true }) createdEventId: string | null;
  @ApiProperty({ type: String, nullable: true }) recalledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) recallReason: string | null;
  @ApiProperty() createdAt: string;
}

class EventLineDto {
  @ApiProperty() lotId: string;
  @ApiProperty({ type: String, nullable: true }) lotCode: string | null;
  @ApiProperty({ enum: ['input', 'output', 'observed'] }) direction: string;
  @ApiProperty() quantity: string;
  @ApiProperty() unit: string;
  @ApiProperty({ description: 'The same quantity in the lot’s unit (what mass balance counts)' }) quantityInLotUnit: string;
}

class VoidedByDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() recordTime: string;
}

export class EventDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Position in the organization’s hash chain' }) seq: string;
  @ApiProperty({ enum: ['harvest', 'transform', 'split', 'ship', 'receive', 'inspect', 'recall', 'void'] }) type: string;
  @ApiProperty({ example: 'ObjectEvent' }) epcisEventType: string;
  @ApiProperty({ type: String, nullable: true, example: 'ADD' }) action: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'commissioning' }) bizStep: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'active' }) disposition: string | null;
  @ApiProperty({ example: '2026-10-05T08:30:00.000+07:00' }) eventTime: string;
  @ApiProperty({ example: '+07:00' }) eventTimeOffset: string;
  @ApiProperty() recordTime: string;
  @ApiProperty({ type: String, nullable: true }) recordedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) growingAreaId: string | null;
  @ApiProperty({ type: String, nullable: true }) facilityId: string | null;
  @ApiProperty({ type: String, nullable: true }) sourcePartnerId: string | null;
  @ApiProperty({ type: String, nullable: true }) destinationPartnerId: string | null;
  @ApiProperty({ type: EventDocumentDto, isArray: true }) documents: EventDocumentDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Lot master data, process, yield check/override, shipment…' })
  details: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'For a void: the event it voids' }) voidsEventId: string | null;
  @ApiProperty({ type: VoidedByDto, nullable: true, description: 'Set when this event has been voided' }) voided: VoidedByDto | null;
  @ApiProperty({ type: EventLineDto, isArray: true }) lines: EventLineDto[];
  @ApiProperty({ type: String, nullable: true }) prevHash: string | null;
  @ApiProperty({ example: '9f2c…', description: 'sha256(prevHash || canonical JSON of the event and its lines)' }) hash: string;
}

export class TransformResultDto {
  @ApiProperty({ type: EventDto }) event: EventDto;
  @ApiProperty({ type: LotDto, isArray: true }) outputs: LotDto[];
}

class ShipmentLotDto {
  @ApiProperty({ type: String, nullable: true, description: 'Null for the receiver: the sender’s ids stay private' }) id: string | null;
  @ApiProperty() code: string;
  @ApiProperty() shortCode: string;
  @ApiProperty() uri: string;
  @ApiProperty({ type: String, nullable: true }) productId: string | null;
  @ApiProperty() productName: string;
  @ApiProperty({ type: String, nullable: true }) gtin: string | null;
}

class ShipmentFromDto {
  @ApiProperty() organizationId: string;
  @ApiProperty() organizationName: string;
}

export class ShipmentDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) status: string;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) direction: string;
  @ApiProperty({ type: ShipmentLotDto }) lot: ShipmentLotDto;
  @ApiProperty({ type: LotRefDto, nullable: true }) partner: LotRefDto | null;
  @ApiProperty({ type: ShipmentFromDto }) from: ShipmentFromDto;
  @ApiProperty() quantity: string;
  @ApiProperty() unit: string;
  @ApiProperty() shippedAt: string;
  @ApiProperty({ type: EventDocumentDto, isArray: true }) documents: EventDocumentDto[];
  @ApiProperty({ type: String, nullable: true }) shipEventId: string | null;
  @ApiProperty({ type: String, nullable: true }) receivedLotId: string | null;
  @ApiProperty({ type: String, nullable: true }) receivedLotCode: string | null;
  @ApiProperty({ type: String, nullable: true }) receivedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class ShipResultDto {
  @ApiProperty({ type: EventDto }) event: EventDto;
  @ApiProperty({ type: ShipmentDto }) shipment: ShipmentDto;
}

export class ReceiveResultDto {
  @ApiProperty({ type: EventDto }) event: EventDto;
  @ApiProperty({ type: LotDto }) lot: LotDto;
  @ApiProperty({ type: ShipmentDto }) shipment: ShipmentDto;
}

export class EventResultDto {
  @ApiProperty({ type: EventDto }) event: EventDto;
}

export class VoidResultDto {
  @ApiProperty({ type: EventDto, description: 'The void event' }) event: EventDto;
  @ApiProperty({ type: EventDto, description: 'The voided event, as it now reads' }) voided: EventDto;
}

class TraceNodeDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() shortCode: string;
  @ApiProperty() uri: string;
  @ApiProperty({ enum: LOT_KINDS }) kind: string;
  @ApiProperty({ enum: LOT_STATUSES }) status: string;
  @ApiProperty({ type: LotProductRefDto }) product: LotProductRefDto;
  @ApiProperty() quantity: string;
  @ApiProperty() unit: string;
  @ApiProperty() consumed: string;
  @ApiProperty() producedAt: string;
  @ApiProperty({ type: String, nullable: true }) expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true }) growingAreaId: string | null;
  @ApiProperty({ type: String, nullable: true }) householdPartnerId: string | null;
  @ApiProperty({ type: String, nullable: true }) facilityId: string | null;
}

class TraceEdgeDto {
  @ApiProperty() parentLotId: string;
  @ApiProperty() childLotId: string;
  @ApiProperty() eventId: string;
  @ApiProperty() eventType: string;
  @ApiProperty({ description: 'How much of the parent (in the parent’s unit) went into the child' }) quantity: string;
  @ApiProperty() unit: string;
}

export class TraceDto {
  @ApiProperty() lotId: string;
  @ApiProperty({ enum: ['back', 'forward'] }) direction: string;
  @ApiProperty({ type: TraceNodeDto, isArray: true }) nodes: TraceNodeDto[];
  @ApiProperty({ type: TraceEdgeDto, isArray: true }) edges: TraceEdgeDto[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Back: growing areas of the harvests' }) growingAreas: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Back: member households who harvested' }) households: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Back: input applications in the year before each harvest' })
  inputApplications: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) facilities: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Back: where received lots came from' }) upstream: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Forward: shipments out of the traced lots' }) shipments: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Forward: partners shipped to' }) partners: object[];
}

class RecalledLotDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() kind: string;
  @ApiProperty() productId: string;
  @ApiProperty() productNameVi: string;
  @ApiProperty() quantity: string;
  @ApiProperty() unit: string;
}

export class RecallResultDto {
  @ApiProperty({ type: EventDto }) event: EventDto;
  @ApiProperty({ type: RecalledLotDto, isArray: true, description: 'The lot and every descendant in your organization' }) lots: RecalledLotDto[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Partners shipped to, with their shipments' }) partners: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Organizations on the platform whose received lots were recalled too' })
  downstreamOrganizations: object[];
}

export class AuditVerifyDto {
  @ApiProperty() valid: boolean;
  @ApiProperty() eventsChecked: number;
  @ApiProperty({ type: String, nullable: true }) firstBrokenEventId: string | null;
  @ApiProperty({ type: String, nullable: true }) problem: string | null;
}

export class YieldOverrideDto {
  @ApiProperty() eventId: string;
  @ApiProperty({ type: LotRefDto }) organization: LotRefDto;
  @ApiProperty({ type: 'object', additionalProperties: true }) lot: object;
  @ApiProperty({ type: LotAreaRefDto, nullable: true }) growingArea: LotAreaRefDto | null;
  @ApiProperty() harvestedAt: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: String, nullable: true }) recordedBy: string | null;
  @ApiProperty({ example: '2026' }) season: string;
  @ApiProperty() seasonTotalT: string;
  @ApiProperty() limitT: string;
  @ApiProperty() areaHa: string;
  @ApiProperty() maxYieldTPerHa: string;
  @ApiProperty() reason: string;
  @ApiProperty() voided: boolean;
}

/** `{items, total, nextCursor}` of a list. */
export function ListOf<T>(item: ClassType<T>, name: string): ClassType<{ items: T[]; total: number; nextCursor?: string | null }> {
  class ListDto {
    @ApiProperty({ type: item, isArray: true }) items: T[];
    @ApiProperty() total: number;
    @ApiPropertyOptional({ type: String, nullable: true }) nextCursor?: string | null;
  }
  Object.defineProperty(ListDto, 'name', { value: name });
  return ListDto;
}

export const LotListDto = ListOf(LotDto, 'LotListDto');
export const EventListDto = ListOf(EventDto, 'EventListDto');
export const ShipmentListDto = ListOf(ShipmentDto, 'ShipmentListDto');
export const YieldOverrideListDto = ListOf(YieldOverrideDto, 'YieldOverrideListDto');
