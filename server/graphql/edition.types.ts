import { retirementRepository } from '../../domain/editions/retirement.repository.ts';
import { editionRepository } from '../../domain/editions/edition.repository.ts';
import { NotFoundError } from '../../domain/shared/errors.ts';
import { authorize } from '../../domain/shared/access.ts';
import { editionMessage } from '../../domain/editions/edition.messages.ts';
import type { IEdition } from '../../domain/editions/edition.entity.ts';
import { listEditions, publishEdition, retireEdition } from '../../domain/editions/edition.service.ts';
import { toVersionView } from '../../domain/standards/standard.views.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { StandardVersionRef } from './standard.types.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';

const EditionRetirementRef = builder.objectRef<{ retiredBy: string; retiredAt: Date; note: string }>('EditionRetirement').implement({
  fields: (t) => ({ retiredBy: t.exposeString('retiredBy'), retiredAt: t.expose('retiredAt', { type: 'DateTime' }), note: t.exposeString('note') }),
});

const EditionRef = builder.objectRef<IEdition>('Edition').implement({
  description: 'An immutable snapshot of the library: the published version of every document at one moment.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'seq' in v && 'documentCount' in v,
  fields: (t) => ({
    name: t.exposeString('name'),
    seq: t.exposeInt('seq'),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    note: t.string({ nullable: true, resolve: (e) => e.note ?? null }),
    documentCount: t.exposeInt('documentCount'),
    retired: t.field({
      type: EditionRetirementRef,
      nullable: true,
      description: 'When and why the edition was withdrawn from use (its checklists can no longer be submitted).',
      resolve: (e, _a, ctx) => retirementRepository.find(ctx.em, e.name),
    }),
    documents: t.field({
      type: [StandardVersionRef],
      description: 'Every document of the edition at its pinned version, by code.',
      args: { kind: t.arg.string() },
      resolve: async (e, a, ctx) => (await editionRepository.editionVersions(ctx.em, e.name, a.kind)).map(toVersionView),
    }),
  }),
});

const EditionConnection = connectionOf(EditionRef, 'Edition');

builder.queryFields((t) => ({
  edition: t.field({
    type: EditionRef,
    errors: { types: READ_ERRORS, union: { name: 'EditionResult' } },
    args: { name: t.arg.string({ description: 'The newest edition when omitted.' }) },
    resolve: async (_r, a, ctx) => {
      authorize(ctx.actor, 'readStandards');
      if (a.name) return editionRepository.getEdition(ctx.em, a.name);
      const newest = await editionRepository.newestEdition(ctx.em);
      if (!newest) throw new NotFoundError(editionMessage('edition.none_yet'), 'edition');
      return newest;
    },
  }),
  editions: t.field({
    type: EditionConnection,
    description: 'All editions, newest first.',
    errors: { types: READ_ERRORS, union: { name: 'EditionsResult' } },
    args: pageArgs(t.arg),
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listEditions(ctx, a)),
  }),
}));

builder.mutationField('publishEdition', (t) =>
  t.field({
    type: EditionRef,
    errors: { types: WRITE_ERRORS, union: { name: 'PublishEditionResult' } },
    args: { name: t.arg.string({ required: true }), note: t.arg.string() },
    resolve: (_r, a, ctx) => publishEdition(ctx, a.name, a.note),
  }),
);

builder.mutationField('retireEdition', (t) =>
  t.field({
    type: EditionRef,
    errors: { types: WRITE_ERRORS, union: { name: 'RetireEditionResult' } },
    args: { name: t.arg.string({ required: true }), note: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => retireEdition(ctx, a.name, a.note),
  }),
);
