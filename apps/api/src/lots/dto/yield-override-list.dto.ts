import { ListOf } from './list-of.js';
import { YieldOverrideDto } from './yield-override.dto.js';

export const YieldOverrideListDto = ListOf(YieldOverrideDto, 'YieldOverrideListDto');
