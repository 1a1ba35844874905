import { DomainError } from '../../shared/errors.ts';
import type { Message, MessageParams } from '../../shared/messages.ts';
import { compileMessage } from './compile.messages.ts';

/** One reason a BPMN document cannot be compiled, located by element: a code with parameters, and the English reason. */
export interface CompileIssue {
  /** the element id ('' for the document itself) */
  id: string;
  /** the BPMN type, e.g. bpmn:ManualTask */
  type: string;
  /** the element's name, when it has one (what people call it) */
  name: string | null;
  code: string;
  params: MessageParams;
  reason: string;
}

/** An issue of element `id` (of BPMN `type`, named `name`) saying `message`. */
export function compileIssue(id: string, type: string, message: Message, name?: string | null): CompileIssue {
  return { id, type, name: name?.trim() || null, code: message.code, params: message.params, reason: message.message };
}

/** The reason of an issue as a message. */
export function reasonOf(issue: CompileIssue): Message {
  return { code: issue.code, params: issue.params, message: issue.reason };
}

/** A BPMN document Pinzhi cannot run; lists every offending element, not just the first. */
export class CompileError extends DomainError {
  readonly issues: CompileIssue[];
  constructor(issues: CompileIssue[]) {
    const problems = issues.slice(0, 3).map((i) => (i.id && i.name ? compileMessage('compile.at_named_element', { element: i.id, name: i.name, issue: reasonOf(i) })
      : i.id ? compileMessage('compile.at_element', { element: i.id, issue: reasonOf(i) }) : compileMessage('compile.at_document', { issue: reasonOf(i) })));
    super(compileMessage(issues.length > 3 ? 'compile.failed_more' : 'compile.failed', { count: issues.length, problems }));
    this.name = 'CompileError';
    this.issues = issues;
  }
}
