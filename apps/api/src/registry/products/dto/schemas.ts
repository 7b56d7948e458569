import { OCOP_GROUPS } from '@app/traceability';

export const OCOP_GROUP_DESCRIPTION = `OCOP product group (Decision 148/QĐ-TTg): ${OCOP_GROUPS.map((g) => `${g.group} ${g.vi}`).join('; ')}`;
