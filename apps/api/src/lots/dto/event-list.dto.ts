import { EventDto } from './event.dto.js';
import { ListOf } from './list-of.js';

export const EventListDto = ListOf(EventDto, 'EventListDto');
