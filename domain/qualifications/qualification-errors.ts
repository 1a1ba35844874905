import { DomainError } from '../shared/errors.ts';
import type { Message } from '../shared/messages.ts';

/** A task or inspection needs a certificate the person does not hold, or holds expired. The check was recorded. */
export class QualificationRequiredError extends DomainError {
  readonly certificate: string;
  readonly expiresOn: string | null;
  readonly number: string | null;
  constructor(message: Message, check: { certificate: string; expiresOn: string | null; number: string | null }) {
    super(message);
    this.name = 'QualificationRequiredError';
    this.certificate = check.certificate;
    this.expiresOn = check.expiresOn;
    this.number = check.number;
  }
}
