import type { deadlinesZh } from './deadlines.zh.ts';

/** The admin UI in English: timer duration expressions and the labels durations give (units as on the diagram, e.g. "24 h"). */
export const deadlinesEn: Record<keyof typeof deadlinesZh, string> = {
  'deadline.expression': 'Duration expression (FEEL, optional)',
  'deadline.expressionHint': 'computes the duration from process variables, e.g. `if rectifyWithinHours > 0 then duration("PT" + string(rectifyWithinHours) + "H") else null`; when it gives nothing the duration above applies',
  'deadline.expressionNotDuration': 'does not give a duration (it must give one such as duration("PT24H"), or null)',
  'deadline.labelFollows': 'The name follows the duration (a name you wrote stays)',
  'variable.rectifyWithinHours': 'Rectify within',
  'deadline.againstTaskDue': 'by each task\'s due time',
  'deadline.unit.Y': '{n} yr',
  'deadline.unit.Mo': '{n} mo',
  'deadline.unit.W': '{n} wk',
  'deadline.unit.D': '{n} d',
  'deadline.unit.H': '{n} h',
  'deadline.unit.Mi': '{n} min',
  'deadline.unit.S': '{n} s',
};
