import type { Message, MessageParams } from './messages.ts';

/**
 * One problem found in a document or an input, located by a JSON Pointer ("" is the root): a
 * stable code with its parameters, and the English text.
 */
export interface Issue extends Message {
  pointer: string;
}

/** An issue at `pointer` saying `message`. */
export function issue(pointer: string, message: Message): Issue {
  return { pointer, code: message.code, params: message.params, message: message.message };
}

/** An expected failure: a stable code and parameters (rendered per language by the transport), and the English text. */
export class DomainError extends Error {
  readonly code: string;
  readonly params: MessageParams;
  constructor(message: Message) {
    super(message.message);
    this.name = 'DomainError';
    this.code = message.code;
    this.params = message.params;
  }
}

/** Input that breaks a rule; `issues` say what and where. Nothing was stored. */
export class ValidationError extends DomainError {
  readonly issues: Issue[];
  constructor(message: Message, issues: Issue[] = []) {
    super(message);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** A write based on stale state (e.g. an old `expectedRevision`) or one that breaks a state rule. */
export class ConflictError extends DomainError {
  readonly currentRevision: number | null;
  constructor(message: Message, currentRevision: number | null = null) {
    super(message);
    this.name = 'ConflictError';
    this.currentRevision = currentRevision;
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends DomainError {
  readonly subject: string;
  constructor(message: Message, subject: string) {
    super(message);
    this.name = 'NotFoundError';
    this.subject = subject;
  }
}
