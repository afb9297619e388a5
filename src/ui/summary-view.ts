// The end-of-lesson summary as lines: score, time, what went wrong, what to try next.
import {type Session, isnValues, score} from '../lessons/engine.js';
import type {LessonEntry} from '../lessons/catalog.js';
import {fillTemplate} from '../lessons/text.js';
import type {Line} from './player-view.js';
import {fieldName} from '../lessons/fields.js';
import {labCanRun} from '../lab/plan.js';
import {clampLines, fit, wrapText} from './wrap.js';
import {duration} from '../amounts.js';

/** The questions to look at again: a field missed at least once, or the answer shown. */
export function wentWrong(s: Session): string[] {
	const {t} = s.texts;
	return s.lesson.questions.flatMap(q => {
		const r = s.results[q.id];
		if (!r || (!r.revealed && r.missed.length === 0)) return [];
		const fields = r.missed.map(f => fieldName(f, s.texts)).join(', ');
		const what = r.revealed ? (r.missed.length ? t('summary.shownMissed', {fields}) : t('summary.shown')) : t('summary.missed', {fields});
		return [t('summary.item', {what, prompt: fillTemplate(q.prompt, isnValues(s))})];
	});
}

export function summaryLines(s: Session, next: LessonEntry | undefined, width: number, height: number): Line[] {
	const w = Math.max(10, width);
	const {t} = s.texts;
	const answered = s.lesson.questions.length;
	const head: Line[] = [
		{text: fit(t('summary.done', {title: s.lesson.title}), w), tone: 'title', bold: true},
		{text: fit(s.texts.n('summary.score', answered, {score: score(s), time: duration(s.elapsedMs, s.texts)}), w), bold: true},
		{text: ' '},
	];
	const wrong = wentWrong(s);
	const wrongLines: Line[] = wrong.length === 0
		? [{text: fit(t('summary.allRight'), w), tone: 'good'}]
		: [{text: t('summary.lookAgain'), bold: true}, ...wrong.map(x => ({text: fit(`✗ ${x}`, w), tone: 'bad' as const}))];
	// The lab runs the lesson's calls on the learner's own kernel (issue 13), where it can perform any of them.
	const lab: Line[] = labCanRun(s.lesson.scenario) ? [{text: fit(t('summary.lab', {id: s.lesson.id}), w), tone: 'accent'}] : [];
	const footer: Line[] = [{text: ' '}, ...lab, {text: fit(t(next ? 'summary.nextKeys' : 'summary.menuKeys'), w), tone: 'dim'}];
	const nextLines: Line[] = next ? [{text: fit(t('summary.next', {title: next.title, minutes: next.minutes}), w), tone: 'accent', bold: true}] : [];
	const budget = Math.max(1, height - 1 - head.length - footer.length - nextLines.length - 1);
	const outroAll = s.lesson.outro ? wrapText(s.lesson.outro, w) : [];
	// What went wrong keeps at least half of the room; the outro gets the rest.
	const wrongKept = wrongLines.slice(0, Math.max(2, Math.min(wrongLines.length, budget - Math.min(outroAll.length, Math.floor(budget / 2)))));
	if (wrongKept.length < wrongLines.length) wrongKept.push({text: t('summary.more', {n: wrongLines.length - wrongKept.length}), tone: 'dim'});
	const outro = clampLines(outroAll, Math.max(0, budget - wrongKept.length), w).map(text => ({text}));
	return [...head, ...wrongKept, ...(outro.length ? [{text: ' '}, ...outro] : []), ...nextLines, ...footer];
}
