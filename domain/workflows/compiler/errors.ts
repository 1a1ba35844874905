/** One reason a BPMN document cannot be compiled, located by element. */
export interface CompileIssue {
  /** the element id ('' for the document itself) */
  id: string;
  /** the BPMN type, e.g. bpmn:ManualTask */
  type: string;
  reason: string;
}

/** A BPMN document Pinzhi cannot run; lists every offending element, not just the first. */
export class CompileError extends Error {
  readonly issues: CompileIssue[];
  constructor(issues: CompileIssue[]) {
    super(`The process cannot be compiled (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${issues.slice(0, 3).map((i) => `${i.id || 'document'}: ${i.reason}`).join('; ')}${issues.length > 3 ? '; …' : ''}`);
    this.name = 'CompileError';
    this.issues = issues;
  }
}
