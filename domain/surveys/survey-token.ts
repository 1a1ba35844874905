import { createHash, randomBytes } from 'node:crypto';

/** A link's secret: 128 random bits, base64url (22 characters). Only its hash is stored. */
export function newSurveyToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The stored form of a token: sha256, hex. */
export function surveyTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether text could be a token at all (checked before any lookup, so junk costs nothing). */
export function looksLikeSurveyToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(text);
}
