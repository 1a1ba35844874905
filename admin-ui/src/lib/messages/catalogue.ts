import { shellZh } from './shell.zh.ts';
import { shellEn } from './shell.en.ts';
import { termsZh } from './terms.zh.ts';
import { termsEn } from './terms.en.ts';
import { standardsZh } from './standards.zh.ts';
import { standardsEn } from './standards.en.ts';
import { editorZh } from './editor.zh.ts';
import { editorEn } from './editor.en.ts';
import { editionsZh } from './editions.zh.ts';
import { editionsEn } from './editions.en.ts';
import { checklistsZh } from './checklists.zh.ts';
import { checklistsEn } from './checklists.en.ts';
import { workflowsZh } from './workflows.zh.ts';
import { workflowsEn } from './workflows.en.ts';
import { tasksZh } from './tasks.zh.ts';
import { tasksEn } from './tasks.en.ts';
import { dashboardZh } from './dashboard.zh.ts';
import { dashboardEn } from './dashboard.en.ts';
import { mobileZh } from './mobile.zh.ts';
import { mobileEn } from './mobile.en.ts';
import { findingsZh } from './findings.zh.ts';
import { findingsEn } from './findings.en.ts';
import { authoringZh } from './authoring.zh.ts';
import { authoringEn } from './authoring.en.ts';
import { doccontrolZh } from './doccontrol.zh.ts';
import { doccontrolEn } from './doccontrol.en.ts';
import { deadlinesZh } from './deadlines.zh.ts';
import { deadlinesEn } from './deadlines.en.ts';
import { fundZh } from './fund.zh.ts';
import { fundEn } from './fund.en.ts';
import { peopleZh } from './people.zh.ts';
import { peopleEn } from './people.en.ts';
import { layersZh } from './layers.zh.ts';
import { layersEn } from './layers.en.ts';
import { flyingZh } from './flying.zh.ts';
import { flyingEn } from './flying.en.ts';
import { feedbackZh } from './feedback.zh.ts';
import { feedbackEn } from './feedback.en.ts';
import { loopZh } from './loop.zh.ts';
import { loopEn } from './loop.en.ts';
import { surveysZh } from './surveys.zh.ts';
import { surveysEn } from './surveys.en.ts';
import { surveyResultsZh } from './survey-results.zh.ts';
import { surveyResultsEn } from './survey-results.en.ts';
import { trainingZh } from './training.zh.ts';
import { trainingEn } from './training.en.ts';
import { qualsZh } from './quals.zh.ts';
import { qualsEn } from './quals.en.ts';
import { effectZh } from './effect.zh.ts';
import { effectEn } from './effect.en.ts';
import { assessmentsZh } from './assessments.zh.ts';
import { assessmentsEn } from './assessments.en.ts';

/**
 * The admin UI's words, one file per feature and language (`<feature>.zh.ts`, `<feature>.en.ts`),
 * merged into one catalogue per language. Chinese defines the keys; each English file is typed
 * `Record<keyof typeof <feature>Zh, string>`, so a key missing in English (or an extra one) fails `tsc`.
 */
export const zh = { ...shellZh, ...termsZh, ...standardsZh, ...editorZh, ...editionsZh, ...checklistsZh, ...workflowsZh, ...tasksZh, ...dashboardZh, ...mobileZh, ...findingsZh, ...authoringZh, ...doccontrolZh, ...deadlinesZh, ...fundZh, ...layersZh, ...flyingZh, ...peopleZh, ...feedbackZh, ...loopZh, ...surveysZh, ...surveyResultsZh, ...trainingZh, ...qualsZh, ...effectZh, ...assessmentsZh };

export type MessageKey = keyof typeof zh;

export const en: Record<MessageKey, string> = { ...shellEn, ...termsEn, ...standardsEn, ...editorEn, ...editionsEn, ...checklistsEn, ...workflowsEn, ...tasksEn, ...dashboardEn, ...mobileEn, ...findingsEn, ...authoringEn, ...doccontrolEn, ...deadlinesEn, ...fundEn, ...layersEn, ...flyingEn, ...peopleEn, ...feedbackEn, ...loopEn, ...surveysEn, ...surveyResultsEn, ...trainingEn, ...qualsEn, ...effectEn, ...assessmentsEn };
