import { EventAppender } from './event-appender.js';
import { HarvestOperation } from './harvest.operation.js';
import { InspectOperation } from './inspect.operation.js';
import { LotCodes } from './lot-codes.js';
import { LotQueries } from './lot-queries.js';
import { LotTransactions } from './lot-transactions.js';
import { ReceiveOperation } from './receive.operation.js';
import { RecallOperation } from './recall.operation.js';
import { ShipOperation } from './ship.operation.js';
import { SplitOperation } from './split.operation.js';
import { TransformOperation } from './transform.operation.js';
import { VoidEventOperation } from './void-event.operation.js';

export * from './actor.js';
export * from './quantity-line.js';
export * from './event-appender.js';
export * from './lot-codes.js';
export * from './lot-queries.js';
export * from './lot-transactions.js';
export * from './harvest.operation.js';
export * from './transform.operation.js';
export * from './split.operation.js';
export * from './ship.operation.js';
export * from './receive.operation.js';
export * from './inspect.operation.js';
export * from './void-event.operation.js';
export * from './recall.operation.js';

/** One injectable per lot operation, and the pieces they share. */
export const LOT_OPERATION_PROVIDERS = [
  LotTransactions,
  EventAppender,
  LotCodes,
  LotQueries,
  HarvestOperation,
  TransformOperation,
  SplitOperation,
  ShipOperation,
  ReceiveOperation,
  InspectOperation,
  VoidEventOperation,
  RecallOperation,
];
