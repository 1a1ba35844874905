import type { JsonObject } from '../shared/json.ts';

/** The shipped process a proposal starts. */
export const INNOVATION_FUND = 'innovation-fund';

/** The largest budget a proposal may ask for, in yuan (a sanity bound, well above the HQ threshold of 50,000). */
export const MAX_BUDGET = 1_000_000;

/**
 * The proposal form (JSON Schema): what a frontline employee fills in to start the innovation-fund
 * process. The server validates a submission with it and the admin UI shows its titles; attachments
 * are photos uploaded beforehand (`photo-id`, a SHA-256).
 */
export const PROPOSAL_FORM: JsonObject = {
  type: 'object',
  title: '创新基金提案',
  additionalProperties: false,
  properties: {
    title: { type: 'string', title: '提案标题', minLength: 4, maxLength: 80 },
    problem: { type: 'string', title: '要解决的问题', minLength: 10, maxLength: 2000 },
    idea: { type: 'string', title: '改进思路', minLength: 10, maxLength: 2000 },
    expectedEffect: { type: 'string', title: '预期效果', minLength: 4, maxLength: 1000 },
    budget: { type: 'number', title: '申请预算（元）', exclusiveMinimum: 0, maximum: MAX_BUDGET },
    attachments: { type: 'array', title: '附件（照片）', maxItems: 10, uniqueItems: true, items: { type: 'string', format: 'photo-id' } },
  },
  required: ['title', 'problem', 'idea', 'expectedEffect', 'budget'],
};

/** What a proposal submits: the form's fields. */
export interface ProposalInput {
  title: string;
  problem: string;
  idea: string;
  expectedEffect: string;
  budget: number;
  attachments?: string[] | null;
}

/** The process variables a proposal starts with (the requested budget apart from the committee's granted `budget`). */
export function proposalVariables(input: ProposalInput, proposer: string): Record<string, unknown> {
  return {
    title: input.title, problem: input.problem, idea: input.idea, expectedEffect: input.expectedEffect,
    requestedBudget: input.budget, attachments: input.attachments ?? [], proposer,
  };
}
