/**
 * The customer's voice analysed: the vocabulary every part of the product shares — what a piece of
 * feedback is about (module, touchpoints, problem type), how the customer feels about it (sentiment
 * and its intensity) and how urgently it must be handled (priority: the three-dimensional model of
 * 问题类型 × 情感强度 × 重复度).
 */

/** The library's seven modules. */
export const MODULES = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07'] as const;
export type ModuleCode = (typeof MODULES)[number];

/**
 * The problem types (问题类型) feedback is sorted into, each under the module that owns it. Praise
 * and suggestions are types too: they are feedback that asks for no rectification.
 */
export const PROBLEM_TYPES = {
  service_attitude: { module: 'M01', zh: '服务态度', en: 'Service attitude' },
  response_delay: { module: 'M01', zh: '响应不及时', en: 'Slow response' },
  communication: { module: 'M01', zh: '沟通告知', en: 'Communication and notices' },
  fees: { module: 'M01', zh: '收费与费用透明', en: 'Fees and transparency' },
  security: { module: 'M02', zh: '安全秩序', en: 'Security and order' },
  noise: { module: 'M02', zh: '噪音扰民', en: 'Noise' },
  cleanliness: { module: 'M03', zh: '环境卫生', en: 'Cleanliness' },
  greenery: { module: 'M04', zh: '绿化养护', en: 'Landscaping' },
  facility_fault: { module: 'M05', zh: '设施设备故障', en: 'Facility faults' },
  repair_quality: { module: 'M05', zh: '维修质量', en: 'Repair quality' },
  parking: { module: 'M06', zh: '停车管理', en: 'Parking' },
  renovation_dispute: { module: 'M07', zh: '装修纠纷', en: 'Renovation disputes' },
  emergency: { module: 'M07', zh: '安全应急', en: 'Emergencies' },
  praise: { module: null, zh: '表扬', en: 'Praise' },
  suggestion: { module: null, zh: '建议', en: 'Suggestion' },
} as const satisfies Record<string, { module: ModuleCode | null; zh: string; en: string }>;
export type ProblemType = keyof typeof PROBLEM_TYPES;
export const PROBLEM_TYPE_CODES = Object.keys(PROBLEM_TYPES) as ProblemType[];

export const SENTIMENTS = ['positive', 'neutral', 'negative', 'mixed'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** 情感强度, graded: 0 none (praise, neutral) · 1 mild 轻微 · 2 moderate 明显 · 3 strong 强烈 (anger, threats to escalate). */
export type Intensity = 0 | 1 | 2 | 3;

/** 解决优先级: P1 handle now (opens a complaint workflow) · P2 within the day · P3 routine · P4 no action (praise). */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Why a text got no classification: the analysis answers explicitly instead of guessing. */
export type UnclassifiedReason = 'no_chinese' | 'binary' | 'no_signal';

/** What the text alone says: the model's output. */
export interface TextAnalysis {
  /** the module of the problem type (null for praise, suggestions spanning modules, unclassified text) */
  module: ModuleCode | null;
  /** touchpoint codes (TP-…) of the library the text names, most likely first */
  touchpoints: string[];
  /** null when unclassified */
  problemType: ProblemType | null;
  sentiment: Sentiment;
  intensity: Intensity;
  /** the model that produced this (kept with every stored item) */
  modelVersion: string;
  unclassified: UnclassifiedReason | null;
}

/** A stored item's (or a query's) analysis: the text's, with the priority from type × intensity × repetition. */
export interface FeedbackAnalysis extends TextAnalysis {
  /** how many items of the same problem type the project received in the repetition window before this one */
  repetition: number;
  priority: Priority;
}

/** The longest feedback text accepted (characters); longer text is refused with a typed error. */
export const MAX_FEEDBACK_CHARS = 2000;
/** The window repetition is counted over. */
export const REPETITION_WINDOW_DAYS = 30;
