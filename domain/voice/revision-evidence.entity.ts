import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const EVIDENCE_KINDS = ['feedback', 'finding'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * One piece of evidence a standard revision was opened with: a feedback item or a finding,
 * gathered when the revision started, so its reviewer reads what moved it (and the set does not
 * shift as new items arrive).
 */
export const RevisionEvidence = defineEntity({
  name: 'RevisionEvidence',
  tableName: 'revision_evidence',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the revision's organisation (row-level security keys on it); set from the instance by trigger */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    instanceId: p.integer(),
    kind: p.string(),
    itemId: p.integer(),
    createdAt: p.datetime(),
  },
});
export type IRevisionEvidence = InferEntity<typeof RevisionEvidence>;
