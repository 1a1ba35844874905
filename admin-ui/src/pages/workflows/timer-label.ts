/**
 * A timer's diagram label follows its duration (「24小时」, 「2天」, 「30分钟」) unless the modeller wrote
 * their own: a name is the modeller's when it differs from the label the old duration gives, in
 * either language. The label keeps the duration's own units — PT48H reads 48小时, P2D 2天.
 */
import { zh, en, type MessageKey } from '../../lib/messages/catalogue.ts';
import type { Lang } from '../../lib/i18n.tsx';

const UNITS = ['Y', 'Mo', 'W', 'D', 'H', 'Mi', 'S'] as const;
type Unit = (typeof UNITS)[number];
const DURATION = /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** The parts of an ISO 8601 duration as written (PT1H30M → 1 H, 30 Mi), or null when it is none. */
function parts(iso: string): [Unit, string][] | null {
  const m = DURATION.exec(iso.trim());
  if (!m) return null;
  return UNITS.map((u, i) => [u, m[i + 1]] as [Unit, string | undefined]).filter((p): p is [Unit, string] => p[1] !== undefined && Number(p[1]) !== 0);
}

/** The label a duration gives in a language (null for no duration, or a zero one). */
export function durationLabel(iso: string, lang: Lang): string | null {
  const words = lang === 'zh' ? zh : en;
  const found = parts(iso);
  if (!found || found.length === 0) return null;
  return found.map(([u, n]) => words[`deadline.unit.${u}` as MessageKey].replace('{n}', n)).join(lang === 'zh' ? '' : ' ');
}

/**
 * The name a timer should carry after its duration changes from `before` to `after`: the label of
 * `after` when the current name is empty or the label `before` gave; null to leave the name alone.
 */
export function followingLabel(name: string | undefined, before: string, after: string, lang: Lang): string | null {
  const current = (name ?? '').trim();
  const automatic = current === '' || (['zh', 'en'] as const).some((l) => durationLabel(before, l) === current);
  if (!automatic) return null;
  const next = durationLabel(after, lang);
  return next !== null && next !== current ? next : null;
}
