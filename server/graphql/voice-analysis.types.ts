import { analyzeFeedbackText } from '../../domain/voice/analysis/analysis.service.ts';
import { PROBLEM_TYPES, type FeedbackAnalysis } from '../../domain/voice/analysis/types.ts';
import { builder } from './builder.ts';
import { READ_ERRORS } from './error.types.ts';

const VoiceLabelRef = builder.objectRef<{ zh: string; en: string }>('VoiceLabel').implement({
  description: 'A name of the customer-voice vocabulary in Chinese and English.',
  fields: (t) => ({ zh: t.exposeString('zh'), en: t.exposeString('en') }),
});

const VoiceAnalysisRef = builder.objectRef<FeedbackAnalysis>('VoiceAnalysis').implement({
  description: 'What a feedback text is about, how its writer feels, and how urgently it must be handled (问题类型 × 情感强度 × 重复度).',
  fields: (t) => ({
    module: t.exposeString('module', { nullable: true, description: 'M01–M07: the module of the problem type (null for praise, suggestions and unclassified text)' }),
    touchpoints: t.exposeStringList('touchpoints', { description: 'touchpoint codes of the library (TP-…) the text names, most likely first' }),
    problemType: t.exposeString('problemType', { nullable: true, description: `one of ${Object.keys(PROBLEM_TYPES).join(', ')}; null when unclassified` }),
    problemTypeLabel: t.field({ type: VoiceLabelRef, nullable: true, resolve: (a) => (a.problemType === null ? null : { zh: PROBLEM_TYPES[a.problemType].zh, en: PROBLEM_TYPES[a.problemType].en }) }),
    sentiment: t.exposeString('sentiment', { description: 'positive, neutral, negative or mixed' }),
    intensity: t.exposeInt('intensity', { description: '情感强度 0 none · 1 mild · 2 moderate · 3 strong' }),
    repetition: t.exposeInt('repetition', { description: 'items of the same problem type the project received in the last 30 days (0 without a project)' }),
    priority: t.exposeString('priority', { description: 'P1 handle now · P2 within the day · P3 routine · P4 no action (praise)' }),
    unclassified: t.exposeString('unclassified', { nullable: true, description: 'why the text got no classification: binary, no_chinese or no_signal; null when classified' }),
    modelVersion: t.exposeString('modelVersion', { description: 'the analyser (algorithm and labelled set) that produced this' }),
  }),
});

builder.queryField('feedbackAnalysis', (t) =>
  t.field({
    type: VoiceAnalysisRef,
    description: 'Analyses a feedback text without storing it: problem type, module, touchpoints, sentiment, intensity, and the priority — with a project, counting how often it received the same problem type lately. Text over 2,000 characters or empty text is refused.',
    errors: { types: READ_ERRORS, union: { name: 'FeedbackAnalysisResult' } },
    args: { text: t.arg.string({ required: true }), projectId: t.arg.id({ description: 'a project the caller reads feedback of: repetition is counted there' }) },
    resolve: (_r, a, ctx) => analyzeFeedbackText(ctx, a.text, a.projectId ?? null),
  }),
);
