import { broadcastSignal, correlateMessage, type Delivered } from '../../domain/workflows/message.service.ts';
import { builder } from './builder.ts';
import { WRITE_ERRORS } from './error.types.ts';

const DeliveredRef = builder.objectRef<Delivered>('CorrelateMessageSuccess').implement({
  description: 'The workflow instances a message or signal moved on (or a message started).',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'instanceIds' in v,
  fields: (t) => ({ instanceIds: t.exposeIntList('instanceIds') }),
});

builder.mutationFields((t) => ({
  correlateMessage: t.field({
    type: DeliveredRef,
    errors: { types: WRITE_ERRORS, union: { name: 'CorrelateMessageResult' } },
    description: 'Delivers a message to the running instance holding the business key that waits for it (a receive task or message catch event); its variables join the instance\'s. When none waits, it starts the processes that begin with a message start event for it (with the business key and variables). Neither is a NotFoundError.',
    args: { name: t.arg.string({ required: true }), businessKey: t.arg.string({ required: true }), variables: t.arg({ type: 'JSON' }) },
    resolve: (_r, a, ctx) => correlateMessage(ctx, a.name, a.businessKey, (a.variables ?? {}) as Record<string, unknown>),
  }),
  broadcastSignal: t.field({
    type: DeliveredRef,
    errors: { types: WRITE_ERRORS, union: { name: 'BroadcastSignalResult' } },
    description: 'Broadcasts a signal to every running instance of the organisation waiting for it (a signal catch event).',
    args: { name: t.arg.string({ required: true }), variables: t.arg({ type: 'JSON' }) },
    resolve: (_r, a, ctx) => broadcastSignal(ctx, a.name, (a.variables ?? {}) as Record<string, unknown>),
  }),
}));
