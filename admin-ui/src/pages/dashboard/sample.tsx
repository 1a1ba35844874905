import { useI18n } from '../../lib/i18n.tsx';

/** Rates over fewer applicable items than this are marked (the server's smallSample says the same). */
export const SMALL_SAMPLE_ITEMS = 10;

/**
 * A rate with the sample it rests on — 「66.7%（1次检查 · 3项）」 — and a mark when the sample is
 * small, so a month of one 3-item inspection does not read like a month of hundreds.
 */
export function RateWithSample({ rate, inspections, items, small }: { rate: number | null; inspections: number; items: number; small: boolean }) {
  const { t, percent } = useI18n();
  return (
    <span className="rate-with-sample">
      <span className="rate">{percent(rate)}</span>
      <span className="sample" data-testid="sample">{t('dashboard.sample', { inspections, items })}</span>
      {small ? <span className="badge badge-warn small-sample" title={t('dashboard.smallSampleHint', { n: SMALL_SAMPLE_ITEMS })}>{t('dashboard.smallSample')}</span> : null}
    </span>
  );
}
