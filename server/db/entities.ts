import { AuditEvent } from '../../domain/audit/audit-event.entity.ts';
import { ChecklistRow } from '../../domain/checklists/checklist.entity.ts';
import { EditionRetirement } from '../../domain/editions/edition-retirement.entity.ts';
import { Edition, EditionEntry } from '../../domain/editions/edition.entity.ts';
import { Finding } from '../../domain/findings/finding.entity.ts';
import { InspectionTally } from '../../domain/inspections/inspection-tally.entity.ts';
import { Inspection } from '../../domain/inspections/inspection.entity.ts';
import { Photo } from '../../domain/photos/photo.entity.ts';
import { Schedule } from '../../domain/inspections/schedule.entity.ts';
import { Place, Project } from '../../domain/projects/project.entity.ts';
import { Setting } from '../../domain/shared/setting.entity.ts';
import { StandardDocument } from '../../domain/standards/standard-document.entity.ts';
import { StandardVersion } from '../../domain/standards/standard-version.entity.ts';
import { LoginThrottle } from '../../domain/users/login-throttle.entity.ts';
import { User } from '../../domain/users/user.entity.ts';
import { WorkflowTimerEntity } from '../../domain/workflows/timers/workflow-timer.entity.ts';
import { WorkflowDefinitionEntity } from '../../domain/workflows/workflow-definition.entity.ts';
import { WorkflowDraftEntity } from '../../domain/workflows/workflow-draft.entity.ts';
import { WorkflowLaneRoleEntity } from '../../domain/workflows/workflow-lane-role.entity.ts';
import { FindingSummaryDay, FindingSummaryMonth, InspectionSummaryDay, InspectionSummaryMonth } from '../../domain/reports/summary.entity.ts';
import { RectificationOpenTask, RectificationStepSummaryDay, RectificationSummaryDay } from '../../domain/reports/rectification-summary.entity.ts';
import { WorkflowHistoryEntity, WorkflowInstanceEntity } from '../../domain/workflows/workflow-instance.entity.ts';
import { WorkflowTaskEntity } from '../../domain/workflows/workflow-task.entity.ts';
import { EditionVariant, VariantVersion } from '../../domain/variants/variant.entity.ts';
import { Membership, Organisation, Region } from '../../domain/organisations/organisation.entity.ts';
import { FlyingAssignment, FlyingPlan } from '../../domain/inspections/flying.entity.ts';
import { Touchpoint } from '../../domain/variants/touchpoint.entity.ts';
import { Feedback } from '../../domain/voice/feedback.entity.ts';
import { Questionnaire, QuestionnaireVersion, SurveyLink, SurveyResponse, SurveyWave } from '../../domain/surveys/survey.entity.ts';
import { MysteryLink } from '../../domain/assessments/mystery-link.entity.ts';
import { QuizAttempt, Training, TrainingAttendance, TrainingSession } from '../../domain/training/training.entity.ts';
import { OrganisationEdition, OrganisationEditionEntry, OrganisationOverlay } from '../../domain/layers/layer.entity.ts';
import { Coaching } from '../../domain/coaching/coaching.entity.ts';
import { QualificationCheck, QualificationRequirement, QualificationWarning } from '../../domain/qualifications/qualification.entity.ts';
import { RevisionEvidence } from '../../domain/voice/revision-evidence.entity.ts';

/** Every entity the ORM knows: one per table (a test checks that every migrated table has one). */
export const entities = [
  StandardDocument, StandardVersion, Edition, EditionEntry, EditionRetirement, User, LoginThrottle, AuditEvent, Setting, Touchpoint, VariantVersion, EditionVariant,
  Project, Place, Schedule, ChecklistRow, Photo, Inspection, InspectionTally, Finding,
  InspectionSummaryDay, InspectionSummaryMonth, FindingSummaryDay, FindingSummaryMonth, RectificationSummaryDay, RectificationStepSummaryDay, RectificationOpenTask,
  WorkflowDefinitionEntity, WorkflowInstanceEntity, WorkflowHistoryEntity, WorkflowTaskEntity, WorkflowTimerEntity, WorkflowDraftEntity, WorkflowLaneRoleEntity,
  Organisation, Region, Membership,
  OrganisationOverlay, OrganisationEdition, OrganisationEditionEntry,
  FlyingPlan, FlyingAssignment,
  Feedback,
  Questionnaire, QuestionnaireVersion, SurveyWave, SurveyLink, SurveyResponse, MysteryLink,
  Training, TrainingSession, TrainingAttendance, QuizAttempt,
  RevisionEvidence,
  Coaching, QualificationRequirement, QualificationCheck, QualificationWarning,
];
