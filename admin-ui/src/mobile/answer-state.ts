import { judgeValue } from '../../../domain/checklists/judge.ts';
import type { InputKind } from '../../../domain/checklists/criterion.ts';
import type { JsonObject, JsonValue } from '../../../domain/shared/json.ts';
import type { PhoneItem } from './api.ts';
import type { LocalAnswer } from './local-store.ts';

/** Where an item stands on the phone: not answered yet, not applicable, or judged as the server will judge it. */
export type ItemState = { kind: 'open' } | { kind: 'na' } | { kind: 'passed' } | { kind: 'failed'; keyword: string } | { kind: 'invalid'; keyword: string };

/** What keeps an inspection from being submitted, per item. */
export type Problem = 'unanswered' | 'needsReason' | 'needsPhoto' | 'invalid';

/** Photos are judged by how many there are: stand-ins of the server's id form for the phone's local ids. */
const standIns = (ids: string[]) => ids.map((_, i) => i.toString(16).padStart(64, '0'));

function hasValue(answer: LocalAnswer | undefined): boolean {
  const v = answer?.value;
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

export function itemState(item: PhoneItem, answer: LocalAnswer | undefined): ItemState {
  if (answer?.notApplicable !== undefined) return { kind: 'na' };
  if (!hasValue(answer)) return { kind: 'open' };
  const value = item.input === 'photos' ? standIns(answer!.value as string[]) : (answer!.value as JsonValue);
  const verdict = judgeValue({ input: item.input as InputKind, options: item.options, schema: item.schema as JsonObject }, value);
  return verdict.status === 'passed' ? { kind: 'passed' } : { kind: verdict.status, keyword: verdict.keyword };
}

/** Why an item cannot be submitted as it stands, or null: the server's rules for answers and evidence. */
export function problemOf(item: PhoneItem, answer: LocalAnswer | undefined): Problem | null {
  const state = itemState(item, answer);
  if (state.kind === 'open') return 'unanswered';
  if (state.kind === 'na') return /\S/.test(answer?.notApplicable ?? '') ? null : 'needsReason';
  if (state.kind === 'invalid') return 'invalid';
  const photos = (answer?.photos?.length ?? 0) + (item.input === 'photos' ? (answer?.value as string[]).length : 0);
  if ((item.evidence === 'photo-required' || (item.evidence === 'photo-on-fail' && state.kind === 'failed')) && photos === 0) return 'needsPhoto';
  return null;
}
