/** Pure rules on a person's certificates: whether one is held and valid on a day, and which expiry warnings are due. */
import type { Qualification } from '../users/user.entity.ts';

/** Days before expiry from which a warning is sent. */
export const WARN_DAYS = 30;

export type CheckReason = 'valid' | 'missing' | 'expired';

/** The outcome of checking one required certificate on a day. */
export interface CertificateCheck {
  certificate: string;
  number: string | null;
  expiresOn: string | null;
  passed: boolean;
  reason: CheckReason;
}

/** A certificate valid on `day` (YYYY-MM-DD): held, and expiring on or after that day (no expiry: valid). */
export function checkCertificate(held: readonly Qualification[], certificate: string, day: string): CertificateCheck {
  const same = held.filter((q) => q.certificate === certificate);
  // the longest-lived one decides: a renewed certificate beside the expired one passes
  const best = [...same].sort((a, b) => (b.expiresOn ?? '9999-12-31').localeCompare(a.expiresOn ?? '9999-12-31'))[0];
  if (!best) return { certificate, number: null, expiresOn: null, passed: false, reason: 'missing' };
  const expired = best.expiresOn !== undefined && best.expiresOn !== null && best.expiresOn < day;
  return { certificate, number: best.number ?? null, expiresOn: best.expiresOn ?? null, passed: !expired, reason: expired ? 'expired' : 'valid' };
}

export type Threshold = '30d' | 'expired';

/** A warning due for one certificate of a person. */
export interface DueWarning {
  certificate: string;
  number: string | null;
  expiresOn: string;
  threshold: Threshold;
}

/** The day `days` after `day` (both YYYY-MM-DD, UTC). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The warnings due on `day`: a certificate that expired before it, or expires within WARN_DAYS of it. */
export function warningsDue(held: readonly Qualification[], day: string): DueWarning[] {
  const limit = addDays(day, WARN_DAYS);
  return held.flatMap((q) => {
    if (!q.expiresOn || q.expiresOn > limit) return [];
    // a renewed certificate of the same kind silences the old one's warnings
    if (held.some((o) => o !== q && o.certificate === q.certificate && (!o.expiresOn || o.expiresOn > limit))) return [];
    return [{ certificate: q.certificate, number: q.number ?? null, expiresOn: q.expiresOn, threshold: q.expiresOn < day ? 'expired' : '30d' }];
  });
}
