import { issue, type Issue } from '../shared/errors.ts';
import { MAX_FEEDBACK_CHARS } from './analysis/types.ts';
import { CHANNELS, type Channel } from './channels.ts';
import { feedbackMessage } from './feedback.messages.ts';

/** The longest place, contact and source id accepted (the columns' size). */
export const MAX_FIELD_CHARS = 255;
/** A clock a little ahead (a phone's, a call centre's) is not a time in the future. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** A piece of feedback as it comes in (a form, a row of an export). */
export interface FeedbackInput {
  projectId: number;
  channel: string;
  receivedAt: Date;
  text: string;
  place?: string | null;
  contact?: string | null;
  sourceId?: string | null;
}

/** The input with its text and optional fields trimmed (empty → null). */
export function normalised(input: FeedbackInput): FeedbackInput & { channel: Channel } {
  const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
  return { ...input, channel: input.channel as Channel, text: input.text.trim(), place: blank(input.place), contact: blank(input.contact), sourceId: blank(input.sourceId) };
}

/**
 * Every rule a piece of feedback breaks, at its JSON pointer (the project's scope is the service's
 * to check): a known channel, text that is there and not too long, a real time not in the future,
 * optional fields within their size.
 */
export function feedbackIssues(input: FeedbackInput, now: Date = new Date()): Issue[] {
  const issues: Issue[] = [];
  if (!(CHANNELS as readonly string[]).includes(input.channel)) issues.push(issue('/channel', feedbackMessage('feedback.channel_rule', { value: input.channel, allowed: CHANNELS.join(', ') })));
  const text = input.text.trim();
  if (text === '') issues.push(issue('/text', feedbackMessage('feedback.text_empty')));
  else if ([...text].length > MAX_FEEDBACK_CHARS) issues.push(issue('/text', feedbackMessage('feedback.text_too_long', { length: [...text].length, max: MAX_FEEDBACK_CHARS })));
  if (Number.isNaN(input.receivedAt.getTime())) issues.push(issue('/receivedAt', feedbackMessage('feedback.time_invalid', { value: String(input.receivedAt) })));
  else if (input.receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) issues.push(issue('/receivedAt', feedbackMessage('feedback.time_future', { value: input.receivedAt.toISOString() })));
  for (const name of ['place', 'contact', 'sourceId'] as const) {
    const value = input[name];
    if (value != null && [...value.trim()].length > MAX_FIELD_CHARS) issues.push(issue(`/${name}`, feedbackMessage('feedback.field_too_long', { max: MAX_FIELD_CHARS })));
  }
  return issues;
}
