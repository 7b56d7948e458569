import { ListOf } from './list-of.js';
import { LotDto } from './lot.dto.js';

export const LotListDto = ListOf(LotDto, 'LotListDto');
