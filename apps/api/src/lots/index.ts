import { AuditController } from './audit.controller.js';
import { EpcisController } from './epcis.controller.js';
import { EpcisCaptureController } from './epcis-capture.controller.js';
import { EpcisVocabularyController } from './epcis-vocabulary.controller.js';
import { EventsController } from './events.controller.js';
import { LotsController } from './lots.controller.js';
import { RecallsController } from './recalls.controller.js';
import { RecallAcknowledgementsController } from './recall-acknowledgements.controller.js';
import { ShipmentsController } from './shipments.controller.js';

/** Lots, events, shipments, recalls, EPCIS, audit and lot reports (issue 4). */
export const LOTS_CONTROLLERS = [LotsController, ShipmentsController, EventsController, RecallsController, RecallAcknowledgementsController, EpcisController, EpcisCaptureController, EpcisVocabularyController, AuditController];
