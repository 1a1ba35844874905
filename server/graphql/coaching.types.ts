import { getCoaching, listCoachings, recordCoaching } from '../../domain/coaching/coaching.service.ts';
import type { ICoaching } from '../../domain/coaching/coaching.entity.ts';
import { getProject } from '../../domain/projects/project.service.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';
import { ProjectRef } from './project.types.ts';

export const CoachingRef = builder.objectRef<ICoaching>('Coaching').implement({
  description: 'An on-site coaching visit (现场指导) at a project on a work instruction, pinned to the version published that day.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    projectId: t.exposeInt('projectId'),
    project: t.field({ type: ProjectRef, resolve: (c, _a, ctx) => getProject(ctx.em, c.projectId) }),
    code: t.exposeString('code', { description: 'the work instruction coached' }),
    version: t.exposeInt('version', { description: 'its published version when recorded' }),
    coachedOn: t.exposeString('coachedOn', { description: 'YYYY-MM-DD' }),
    coach: t.exposeString('coach'),
    notes: t.exposeString('notes'),
    photos: t.exposeStringList('photos', { description: 'photo ids (GET /photos/<id>)' }),
    people: t.exposeStringList('people', { description: 'the people coached' }),
    recordedBy: t.exposeString('recordedBy'),
    recordedAt: t.field({ type: 'DateTime', resolve: (c) => c.recordedAt }),
  }),
});

const CoachingConnection = connectionOf(CoachingRef, 'Coaching');

const RecordCoachingInput = builder.inputType('RecordCoachingInput', {
  fields: (t) => ({
    projectId: t.int({ required: true }),
    code: t.string({ required: true, description: 'a published work instruction, e.g. M03.P06.WI01' }),
    coachedOn: t.string({ required: true, description: 'YYYY-MM-DD, not after today' }),
    coach: t.string({ description: 'who coached; the recorder when omitted' }),
    notes: t.string({ required: true }),
    photos: t.stringList({ description: 'photo ids returned by uploadPhoto' }),
    people: t.stringList({ description: 'the people coached' }),
  }),
});

builder.queryFields((t) => ({
  coachings: t.field({
    type: CoachingConnection,
    description: 'On-site coaching records of the projects the caller reaches, newest first; by project and/or work instruction.',
    errors: { types: READ_ERRORS, union: { name: 'CoachingsResult' } },
    args: { projectId: t.arg.int(), code: t.arg.string(), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listCoachings(ctx, { projectId: a.projectId, code: a.code }, a)),
  }),
  coaching: t.field({
    type: CoachingRef,
    errors: { types: READ_ERRORS, union: { name: 'CoachingResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => getCoaching(ctx, a.id),
  }),
}));

builder.mutationFields((t) => ({
  recordCoaching: t.field({
    type: CoachingRef,
    description: 'Records an on-site coaching visit with the coach\'s notes and photos (uploaded first with uploadPhoto).',
    errors: { types: WRITE_ERRORS, union: { name: 'RecordCoachingResult' } },
    args: { input: t.arg({ type: RecordCoachingInput, required: true }) },
    resolve: (_r, a, ctx) => recordCoaching(ctx, a.input),
  }),
}));
