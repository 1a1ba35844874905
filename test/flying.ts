import { failingValue, passingAnswers } from '../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../domain/checklists/generate.ts';

/** A GraphQL request as one signed-in person (through Yoga in process, or over HTTP). */
export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: unknown[] }>;

export const PLAN_FIELDS = 'regionId regionCode regionName month drawn drawnBy drawnAt inspections { project { id code region } supervisor position status inspectionId inspectedOn inspectedBy }';
export const KPI_FIELDS = 'regionId regionCode regionName planned done late missing open inspections applicable passed executionRate smallSample findings { critical major minor } rectificationsStarted rectificationsCompleted rectificationOnTimeRate openOverdue';

export interface Flown {
  inspectionId: number;
  applicable: number;
  passed: number;
  severities: string[];
}

/**
 * A supervisor's flying inspection of a project: the month's monthly checklist (of `inspectedOn`'s
 * month) answered, every fifth item that has a failing value failed (with a photo), and submitted.
 */
export async function flyInto(gql: Gql, projectId: number, inspectedOn: string, submissionId: string, photos: string[]): Promise<Flown> {
  const list = (await gql(`query ($p: Int!, $d: String) { checklist(projectId: $p, tier: monthly, date: $d) { __typename ... on Checklist { id items { id key severity input evidence touchpoints options schema } } ... on Error { message } } }`, { p: projectId, d: inspectedOn })).data?.checklist;
  if (!list?.items) throw new Error(`no monthly checklist: ${JSON.stringify(list)}`);
  const items = list.items as ChecklistItem[];
  const failing = new Set(items.filter((i) => failingValue(i) !== null).filter((_, n) => n % 5 === 0).map((i) => i.id));
  const answers = passingAnswers(items, photos).map((a) => (failing.has(a.itemId) ? { itemId: a.itemId, value: failingValue(items.find((i) => i.id === a.itemId)!), photos: [photos[0]] } : a));
  const result = (await gql(`mutation ($c: String!, $s: String!, $a: [AnswerInput!]!, $d: String) { submitInspection(checklistId: $c, clientSubmissionId: $s, answers: $a, inspectedOn: $d) {
    __typename ... on SubmitInspectionSuccess { inspection { id applicable passed findings { severity } } } ... on ValidationError { issues { pointer message } } ... on Error { message } } }`, { c: list.id, s: submissionId, a: answers, d: inspectedOn })).data?.submitInspection;
  if (!result?.inspection) throw new Error(`submission refused: ${JSON.stringify(result)}`);
  const i = result.inspection;
  return { inspectionId: i.id, applicable: i.applicable, passed: i.passed, severities: i.findings.map((f: { severity: string }) => f.severity) };
}

/** How many of the severities are each of critical, major and minor. */
export function bySeverity(severities: string[]): { critical: number; major: number; minor: number } {
  const n = (s: string) => severities.filter((x) => x === s).length;
  return { critical: n('critical'), major: n('major'), minor: n('minor') };
}
