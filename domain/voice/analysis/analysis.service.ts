import { issue, NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { ServiceContext } from '../../shared/service-context.ts';
import { scopeOf } from '../../organisations/scope.ts';
import { getProject } from '../../projects/project.service.ts';
import { projectMessage } from '../../projects/project.messages.ts';
import { feedbackRepository } from '../feedback.repository.ts';
import { analysisMessage } from './analysis.messages.ts';
import { analyzeText } from './analyze.ts';
import { priorityOf } from './priority.ts';
import type { FeedbackAnalysis } from './types.ts';

/**
 * A text analysed as if it had just arrived: the model's reading, and — when a project the caller
 * reads feedback of is named — how often that project received the same problem type in the
 * repetition window, which raises the priority. Nothing is stored. A project of another
 * organisation, or one outside the caller's reach, answers like a missing one.
 */
export async function analyzeFeedbackText(ctx: ServiceContext, text: string, projectId: string | number | null = null, at = new Date()): Promise<FeedbackAnalysis> {
  const scope = scopeOf(ctx.actor, 'readFeedback');
  if (text.trim() === '') throw new ValidationError(analysisMessage('analysis.empty'), [issue('/text', analysisMessage('analysis.empty_rule'))]);
  let project: number | null = null;
  if (projectId !== null) {
    const id = Number(projectId);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError(projectMessage('project.not_found', { id: String(projectId) }), String(projectId));
    project = (await getProject(ctx.em, id, scope)).id;
  }
  const analysis = analyzeText(text);
  const repetition = project !== null && analysis.problemType !== null ? await feedbackRepository.repetitionOf(ctx.em, project, analysis.problemType, at) : 0;
  return { ...analysis, repetition, priority: priorityOf(analysis.problemType, analysis.intensity, repetition) };
}
