// Every text of the interview drill: English, in the translation catalogue's shape (see src/feature-text.ts).
import {featureTexts} from '../feature-text.js';

export const EN_DRILL = {
	'drill.menu': 'Interview drill',
	'drill.menuAbout': 'A mixed run of questions as an interviewer would ask them, each decided by a new run of its scenario, with a model answer after it; a report by topic at the end.',
	'drill.start': 'Interview drill: {n} questions, mixed. Type ? for a hint, ! to see the answer, q to stop.',
	'drill.startTimed': 'Interview drill: {minutes} minutes, mixed questions. Type ? for a hint, ! to see the answer, q to stop.',
	'drill.header': 'Drill · {k} of {n} · {topic}',
	'drill.headerTimed': 'Drill · {k} · {topic} · {left} left',
	'drill.interviewer': 'Interviewer: {classic}',
	'drill.model': 'A model answer: {answer}',
	'drill.item': 'Question {k}: {lesson} (seed {seed})',
	'drill.timeUp': 'Time is up.',
	'drill.noQuestions': 'No lesson can be drilled: a drill asks the lessons that name a classic interview question (classic:).',
	'drill.report': 'Drill report: {right} of {n} right at the first try, in {time}.',
	'drill.reportNone': 'Drill report: no question answered.',
	'drill.row': '{topic}: {right} of {n}',
	'drill.rowStudy': '{topic}: {right} of {n} · study {lessons}',
	'drill.allRight': 'Nothing to study from this drill: every question right at the first try.',
	'drill.study': 'Study next: {lessons}',
	'drill.enterNext': 'Enter: next question · q: stop',
	'drill.enterEnd': 'Enter: the report',
	'drill.reportKeys': 'Enter or q: back',
	'topic.handshake': 'handshake',
	'topic.data': 'data (seq and ack)',
	'topic.close': 'close',
	'topic.time-wait': 'TIME-WAIT',
	'topic.queues': 'queues (SYN and accept)',
	'topic.resets': 'resets (RST)',
	'topic.timers': 'timers and retransmission',
} as const;

export type DrillKey = keyof typeof EN_DRILL;
export const drillText = featureTexts<DrillKey>(EN_DRILL);
