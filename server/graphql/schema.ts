import { builder } from './builder.ts';
import './scalars.types.ts';
import './error.types.ts';
import './auth.types.ts';
import './standard.types.ts';
import './standard-authoring.types.ts';
import './edition.types.ts';
import './diff.types.ts';
import './audit.types.ts';
import './variant.types.ts';
import './project.types.ts';
import './checklist.types.ts';
import './inspection.types.ts';
import './workflow.types.ts';
import './workflow-message.types.ts';
import './workflow-draft.types.ts';
import './workflow-lane-role.types.ts';
import './finding.types.ts';
import './report.types.ts';
import './fund.types.ts';
import './organisation.types.ts';
import './layer.types.ts';
import './flying.types.ts';
import './voice-analysis.types.ts';
import './feedback.types.ts';
import './loop.types.ts';
import './survey.types.ts';
import './survey-results.types.ts';
import './training.types.ts';
import './coaching.types.ts';
import './qualification.types.ts';
import './effect.types.ts';
import './assessment.types.ts';

builder.queryType({});
builder.mutationType({});

/** The executable GraphQL schema. */
export const schema = builder.toSchema({ sortSchema: false });
