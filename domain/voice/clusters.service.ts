import { scopeOf } from '../organisations/scope.ts';
import { requireDates } from '../shared/dates.ts';
import { ValidationError, issue } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { previousWindow, risingClusters, type Cluster } from './clusters.ts';
import { feedbackMessage } from './feedback.messages.ts';
import { feedbackRepository } from './feedback.repository.ts';
import { chinaDayStart } from './feedback.service.ts';

/** The longest window clusters are computed over. */
export const MAX_CLUSTER_DAYS = 366;

const dayAfter = (day: string) => new Date(chinaDayStart(day).getTime() + 86_400_000);

/** The problem types rising in the reader's projects over the period (days, inclusive) against the period before it. */
export async function feedbackClusters(ctx: ServiceContext, from: string, to: string): Promise<Cluster[]> {
  const scope = scopeOf(ctx.actor, 'readFeedback');
  requireDates({ from, to });
  if (from > to) throw new ValidationError(feedbackMessage('feedback.bad_filter', { names: ['to'] }), [issue('/to', feedbackMessage('feedback.range_reversed', { from, to }))]);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_CLUSTER_DAYS) throw new ValidationError(feedbackMessage('feedback.bad_filter', { names: ['from'] }), [issue('/from', feedbackMessage('feedback.range_too_long', { max: MAX_CLUSTER_DAYS }))]);
  const window = { from, to };
  const previous = previousWindow(window);
  const now = await feedbackRepository.typeCounts(ctx.em, scope, chinaDayStart(from), dayAfter(to));
  const before = await feedbackRepository.typeCounts(ctx.em, scope, chinaDayStart(previous.from), dayAfter(previous.to));
  return risingClusters(now, before, window);
}
