/** One problem found in a document or an input, located by a JSON Pointer ("" is the root). */
export interface Issue {
  pointer: string;
  message: string;
}

/** Input that breaks a rule; `issues` say what and where. Nothing was stored. */
export class ValidationError extends Error {
  readonly issues: Issue[];
  constructor(message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** A write based on stale state (e.g. an old `expectedRevision`) or one that breaks a state rule. */
export class ConflictError extends Error {
  readonly currentRevision: number | null;
  constructor(message: string, currentRevision: number | null = null) {
    super(message);
    this.name = 'ConflictError';
    this.currentRevision = currentRevision;
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends Error {
  readonly subject: string;
  constructor(message: string, subject: string) {
    super(message);
    this.name = 'NotFoundError';
    this.subject = subject;
  }
}
