/** Import, then complete (issue 19): which compile issues the modeller completes, and the error that lists them. */
import { DomainError, issue, type Issue } from '../shared/errors.ts';
import type { CompileIssue } from './compiler/errors.ts';
import { reasonOf } from './compiler/errors.ts';
import { workflowMessage } from './workflow.messages.ts';

/**
 * Compile issue codes that name a Pinzhi property a diagram from another tool simply lacks: a task
 * with no role (and no lane standing for one), a service task with no action, a flow out of an
 * exclusive gateway with no condition that is not its default, a timer with no duration or date, a
 * call activity that names no process to call.
 * Everything else (unsupported elements, malformed documents, no process) is a hard error.
 */
export const MISSING_CODES: ReadonlySet<string> = new Set([
  'compile.role_missing', 'compile.lane_role_unknown', 'compile.action_missing', 'compile.flow_without_condition', 'compile.timer_empty',
  'compile.call_element_missing',
]);

/** Splits compile issues into what the modeller may complete and what no property can fix. */
export function partitionIssues(issues: readonly CompileIssue[]): { missing: CompileIssue[]; hard: CompileIssue[] } {
  return { missing: issues.filter((i) => MISSING_CODES.has(i.code)), hard: issues.filter((i) => !MISSING_CODES.has(i.code)) };
}

/** A compile issue as an input issue pointing at its element (`/<element id>`), in the words deploy uses. */
export function issueOf(i: CompileIssue): Issue {
  const kind = i.type.replace('bpmn:', '');
  const reason = reasonOf(i);
  if (!i.id) return issue('', workflowMessage('workflow.compile_issue_document', { type: i.type, kind, issue: reason }));
  return issue(`/${i.id}`, i.name ? workflowMessage('workflow.compile_issue_named', { type: i.type, kind, element: i.id, name: i.name, issue: reason })
    : workflowMessage('workflow.compile_issue', { type: i.type, kind, element: i.id, issue: reason }));
}

/** A process that still lacks Pinzhi properties: deploying is refused until `missing` is empty. Nothing was stored. */
export class WorkflowIncompleteError extends DomainError {
  readonly missing: CompileIssue[];
  readonly issues: Issue[];
  constructor(missing: CompileIssue[]) {
    super(workflowMessage('workflow.incomplete', { count: missing.length }));
    this.name = 'WorkflowIncompleteError';
    this.missing = missing;
    this.issues = missing.map(issueOf);
  }
}
