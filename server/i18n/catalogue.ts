import { mergeCatalogues, paramsData, renderMessage, type Locale, type MessageData, type MessageParams } from '../../domain/shared/messages.ts';
import { SHARED_MESSAGES } from '../../domain/shared/shared.messages.ts';
import { ACCESS_MESSAGES } from '../../domain/shared/access.messages.ts';
import { AJV_MESSAGES } from '../../domain/standards/ajv.messages.ts';
import { STANDARD_MESSAGES } from '../../domain/standards/standard.messages.ts';
import { EDITION_MESSAGES } from '../../domain/editions/edition.messages.ts';
import { VARIANT_MESSAGES } from '../../domain/variants/variant.messages.ts';
import { CHECKLIST_MESSAGES } from '../../domain/checklists/checklist.messages.ts';
import { INSPECTION_MESSAGES } from '../../domain/inspections/inspection.messages.ts';
import { PROJECT_MESSAGES } from '../../domain/projects/project.messages.ts';
import { PHOTO_MESSAGES } from '../../domain/photos/photo.messages.ts';
import { USER_MESSAGES } from '../../domain/users/user.messages.ts';
import { WORKFLOW_MESSAGES } from '../../domain/workflows/workflow.messages.ts';
import { COMPILE_MESSAGES } from '../../domain/workflows/compiler/compile.messages.ts';
import { AUDIT_MESSAGES } from '../../domain/audit/audit.messages.ts';
import { FINDING_MESSAGES } from '../../domain/findings/finding.messages.ts';
import { TRANSPORT_MESSAGES } from '../graphql/transport.messages.ts';
import { REPORT_MESSAGES } from '../../domain/reports/report.messages.ts';
import { FUND_MESSAGES } from '../../domain/fund/fund.messages.ts';
import { ORGANISATION_MESSAGES } from '../../domain/people/organisation.messages.ts';
import { OWNERSHIP_MESSAGES } from '../../domain/standards/ownership.messages.ts';
import { LAYER_MESSAGES } from '../../domain/layers/layer.messages.ts';
import { FLYING_MESSAGES } from '../../domain/inspections/flying.messages.ts';
import { ANALYSIS_MESSAGES } from '../../domain/voice/analysis/analysis.messages.ts';
import { FEEDBACK_MESSAGES } from '../../domain/voice/feedback.messages.ts';
import { LOOP_MESSAGES } from '../../domain/voice/loop.messages.ts';
import { SURVEY_MESSAGES } from '../../domain/surveys/survey.messages.ts';
import { QUALIFICATION_MESSAGES } from '../../domain/qualifications/qualification.messages.ts';
import { COACHING_MESSAGES } from '../../domain/coaching/coaching.messages.ts';
import { ASSESSMENT_MESSAGES } from '../../domain/assessments/assessment.messages.ts';
import { SURVEY_RESULTS_MESSAGES } from '../../domain/surveys/survey-results.messages.ts';
import { TRAINING_MESSAGES } from '../../domain/training/training.messages.ts';
import { EFFECT_MESSAGES } from '../../domain/training/effect.messages.ts';

/** Every feature's catalogue in one (a code defined twice fails at start). */
export const CATALOGUE = mergeCatalogues(
  SHARED_MESSAGES, ACCESS_MESSAGES, AJV_MESSAGES, STANDARD_MESSAGES, EDITION_MESSAGES, VARIANT_MESSAGES, CHECKLIST_MESSAGES,
  INSPECTION_MESSAGES, PROJECT_MESSAGES, PHOTO_MESSAGES, USER_MESSAGES, WORKFLOW_MESSAGES, COMPILE_MESSAGES, AUDIT_MESSAGES, TRANSPORT_MESSAGES,
  FINDING_MESSAGES,
  REPORT_MESSAGES,
  FUND_MESSAGES,
  ORGANISATION_MESSAGES,
  OWNERSHIP_MESSAGES, LAYER_MESSAGES,
  FLYING_MESSAGES,
  ANALYSIS_MESSAGES,
  FEEDBACK_MESSAGES,
  LOOP_MESSAGES,
  SURVEY_MESSAGES,
  TRAINING_MESSAGES,
  ASSESSMENT_MESSAGES,
  SURVEY_RESULTS_MESSAGES,
  QUALIFICATION_MESSAGES, COACHING_MESSAGES,
  SURVEY_RESULTS_MESSAGES, EFFECT_MESSAGES,
);

/** A message in `locale`, from its code and parameters (falling back to its English text). */
export function render(message: MessageData & { message?: string }, locale: Locale): string {
  return renderMessage(CATALOGUE, message, locale);
}

/** A message as a client receives it outside a result union: code, parameters and the text in `locale`. */
export function renderedIssue<T extends MessageData & { message?: string; pointer?: string }>(issue: T, locale: Locale): { pointer?: string; code: string; params: MessageParams; message: string } {
  return { ...(issue.pointer !== undefined ? { pointer: issue.pointer } : {}), code: issue.code, params: paramsData(issue.params), message: render(issue, locale) };
}
