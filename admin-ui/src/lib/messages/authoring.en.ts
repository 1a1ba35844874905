import type { authoringZh } from './authoring.zh.ts';

export const authoringEn: Record<keyof typeof authoringZh, string> = {
  'create.new': 'New',
  'create.newModule': 'New module',
  'create.newChild': 'New {kind} here',
  'create.under': 'New under “{parent}”',
  'create.heading': 'New {kind}',
  'create.title': 'Title',
  'create.titleHint': 'The Chinese title, e.g. “电梯轿厢清洁作业指导书”',
  'create.code': 'Code',
  'create.codeHint': 'The next free code is filled in; you may change it',
  'create.templateInstruction': 'A draft is created from the template — one example check item and an outline of the text — and opens in the editor.',
  'create.templateContainer': 'A draft is created from the template — an outline of the text — and opens in the editor.',
  'create.submit': 'Create and edit',
  'create.cancel': 'Cancel',
  'json.jumpTo': 'Show this place in the JSON',
};
