import * as authoring from '../../domain/standards/authoring.service.ts';
import { builder } from './builder.ts';
import { WRITE_ERRORS } from './error.types.ts';
import { StandardVersionRef } from './standard.types.ts';

builder.queryField('nextStandardCode', (t) =>
  t.string({
    nullable: true,
    description: 'The code createStandard would give the next document under `parent` (a new module when absent): M08, M03.P07, M03.P02.W028 — instructions are numbered across their module. Null when the numbers are used up.',
    args: { parent: t.arg.string() },
    resolve: (_r, a, ctx) => authoring.proposeCode(ctx, a.parent ?? null),
  }),
);

builder.mutationField('createStandard', (t) =>
  t.field({
    type: StandardVersionRef,
    description: 'Creates a module (no parent), procedure (parent: a module) or work instruction (parent: a procedure) as a first draft from the template — no JSON needed. `code` defaults to nextStandardCode. Bad input is a ValidationError whose issues point at the argument: /title, /parent or /code; nothing is stored.',
    errors: { types: WRITE_ERRORS, union: { name: 'CreateStandardResult' } },
    args: { title: t.arg.string({ required: true }), parent: t.arg.string(), code: t.arg.string(), note: t.arg.string() },
    resolve: (_r, a, ctx) => authoring.createStandard(ctx, { title: a.title, parent: a.parent, code: a.code, note: a.note }),
  }),
);
