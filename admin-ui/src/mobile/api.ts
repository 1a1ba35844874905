import { ApiError, ErrorFields, expect, graphql, request, type ResultOf } from '../lib/graphql.ts';

/** The phone app's operations on the public API. */

export const DAY = graphql(`
  query InspectorDay { inspectorDay { __typename ...ErrorFields
    ... on InspectorDay { date
      rounds { tier done lastInspectedOn period { from to } missed { from to } project { id code name } }
      projects { id code name profile }
      flyingInspections { month status inspectedOn project { id code name } } } } }
`, [ErrorFields]);

const RECENT = graphql(`
  query PhoneRecent($inspector: String!) { inspections(inspector: $inspector, first: 10) { __typename ...ErrorFields
    ... on InspectionConnection { nodes { id tier inspectedOn score executionRate findingCount project { name } } } } }
`, [ErrorFields]);

export type Recent = Extract<ResultOf<typeof RECENT>['inspections'], { __typename: 'InspectionConnection' }>['nodes'];

/** The inspector's own last inspections, as the server has them. */
export async function fetchRecent(inspector: string): Promise<Recent> {
  return expect((await request(RECENT, { inspector })).inspections, 'InspectionConnection').nodes;
}

export type Day = Extract<ResultOf<typeof DAY>['inspectorDay'], { __typename: 'InspectorDay' }>;

const CHECKLIST = graphql(`
  query PhoneChecklist($projectId: Int!, $tier: Tier!) { checklist(projectId: $projectId, tier: $tier) { __typename ...ErrorFields
    ... on Checklist { id tier edition itemCount
      items { id code key module place instructionTitle title description criterion { zh en } input unit options evidence severity hint rectifyWithinHours schema } } } }
`, [ErrorFields]);

export type PhoneChecklist = Extract<ResultOf<typeof CHECKLIST>['checklist'], { __typename: 'Checklist' }>;
export type PhoneItem = PhoneChecklist['items'][number];

export async function fetchChecklist(projectId: number, tier: 'daily' | 'monthly' | 'quarterly' | 'scenario' | 'mystery'): Promise<PhoneChecklist> {
  return expect((await request(CHECKLIST, { projectId, tier })).checklist, 'Checklist');
}

export async function fetchDay(): Promise<Day> {
  return expect((await request(DAY)).inspectorDay, 'InspectorDay');
}

export const SUBMIT = graphql(`
  mutation PhoneSubmit($checklistId: String!, $clientSubmissionId: String!, $answers: [AnswerInput!]!, $inspectedOn: String) {
    submitInspection(checklistId: $checklistId, clientSubmissionId: $clientSubmissionId, answers: $answers, inspectedOn: $inspectedOn) { __typename ...ErrorFields
      ... on SubmitInspectionSuccess { replayed inspection { id score executionRate findings { id itemId title severity rectifyDueAt } } } } }
`, [ErrorFields]);

/** Whether an error is the network or the server being away (try again later), not a refusal. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError ? error.kind === 'NetworkError' || error.kind === 'SERVICE_UNAVAILABLE' : error instanceof TypeError;
}
