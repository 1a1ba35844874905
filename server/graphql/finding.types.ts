import { findingOfInstance, getFinding, pinnedDocumentTitle, placeOfFinding, rectificationIdOf } from '../../domain/findings/finding.service.ts';
import { getInstance } from '../../domain/workflows/instance.service.ts';
import { builder } from './builder.ts';
import { READ_ERRORS } from './error.types.ts';
import { FindingRef } from './inspection.types.ts';
import { PlaceRef } from './project.types.ts';
import { FIELD_COST } from './query-limits.ts';
import { InstanceRef, TaskRef } from './workflow.types.ts';

/**
 * A finding as a page of its own shows it: the place, the document version it was judged against,
 * its rectification; and the finding behind an inbox task.
 */
builder.objectFields(FindingRef, (t) => ({
  place: t.field({ type: PlaceRef, nullable: true, complexity: FIELD_COST.lookup, resolve: (f, _a, ctx) => placeOfFinding(ctx, f) }),
  documentTitle: t.string({ nullable: true, description: 'the title of the document version the item belongs to (the work instruction)', complexity: FIELD_COST.lookup, resolve: (f, _a, ctx) => pinnedDocumentTitle(ctx, f) }),
  rectification: t.field({
    type: InstanceRef, nullable: true, description: 'the rectification workflow of this finding (the newest, if reopened)', complexity: FIELD_COST.lookup,
    resolve: async (f, _a, ctx) => {
      const id = await rectificationIdOf(ctx, f.id);
      return id === null ? null : getInstance(ctx, id);
    },
  }),
}));

builder.objectField(TaskRef, 'finding', (t) =>
  t.field({ type: FindingRef, nullable: true, description: 'the finding this task rectifies (null for tasks of other processes)', complexity: FIELD_COST.lookup, resolve: (task, _a, ctx) => findingOfInstance(ctx, task.instanceId) }));

builder.queryField('finding', (t) =>
  t.field({
    type: FindingRef,
    errors: { types: READ_ERRORS, union: { name: 'FindingResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => getFinding(ctx, a.id),
  }));
