import { QualificationRequiredError } from '../../domain/qualifications/qualification-errors.ts';
import { builder } from './builder.ts';
import { ErrorInterface } from './error.types.ts';

builder.objectType(QualificationRequiredError, {
  name: 'QualificationRequiredError',
  description: 'The task or inspection needs a certificate the person does not hold, or holds expired. The check is recorded.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    certificate: t.exposeString('certificate'),
    number: t.exposeString('number', { nullable: true }),
    expiresOn: t.exposeString('expiresOn', { nullable: true, description: 'YYYY-MM-DD of the certificate held; null when none is held' }),
  }),
});

/** Changes guarded by a qualification check return its refusal besides the usual errors. */
export const QUALIFICATION_ERRORS = [QualificationRequiredError];
