import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Per inspection and document: how many of its items applied and passed (the execution rate's terms). */
export const InspectionTally = defineEntity({
  name: 'InspectionTally',
  tableName: 'inspection_tally',
  properties: {
    inspectionId: p.integer().primary(),
    code: p.string().primary(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    version: p.integer(),
    applicable: p.integer(),
    passed: p.integer(),
  },
});
export type IInspectionTally = InferEntity<typeof InspectionTally>;
