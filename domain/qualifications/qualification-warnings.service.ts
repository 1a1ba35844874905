import type { EntityManager } from '../shared/persistence.ts';
import { warningsDue } from './certificates.ts';
import { qualificationRepository } from './qualification.repository.ts';

/**
 * The daily expiry warnings (system work, every organisation): for each certificate expiring within
 * 30 days or expired on `day`, one warning to its holder and one to each of their managers. A
 * warning is stored once per recipient, certificate and threshold, so running again adds none.
 * Returns how many new warnings were stored.
 */
export async function sendExpiryWarnings(em: EntityManager, day: string): Promise<number> {
  let stored = 0;
  const now = new Date();
  for (const person of await qualificationRepository.certified(em)) {
    const due = warningsDue(person.qualifications ?? [], day);
    if (due.length === 0) continue;
    const organisationId = person.organisationId!;
    const recipients = [person.username, ...(await qualificationRepository.managersOf(em, organisationId, person.username))];
    for (const w of due) {
      for (const recipient of recipients) {
        if (await qualificationRepository.insertWarning(em, { organisationId, recipient, holder: person.username, certificate: w.certificate, number: w.number, expiresOn: w.expiresOn, threshold: w.threshold, createdAt: now })) stored += 1;
      }
    }
  }
  return stored;
}
