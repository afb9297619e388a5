// The end-of-lesson summary as lines: score, time, what went wrong, what to try next.
import {type Session, isnValues, score} from '../lessons/engine.js';
import type {LessonEntry} from '../lessons/catalog.js';
import {fillTemplate} from '../lessons/text.js';
import type {Line} from './player-view.js';
import {clampLines, duration, fit, wrapText} from './wrap.js';

/** The questions to look at again: a field missed at least once, or the answer shown. */
export function wentWrong(s: Session): string[] {
	return s.lesson.questions.flatMap(q => {
		const r = s.results[q.id];
		if (!r || (!r.revealed && r.missed.length === 0)) return [];
		const what = r.revealed ? `answer shown${r.missed.length ? ` (${r.missed.join(', ')})` : ''}` : `missed ${r.missed.join(', ')} at first`;
		return [`${what}: ${fillTemplate(q.prompt, isnValues(s))}`];
	});
}

export function summaryLines(s: Session, next: LessonEntry | undefined, width: number, height: number): Line[] {
	const w = Math.max(10, width);
	const answered = s.lesson.questions.length;
	const head: Line[] = [
		{text: fit(`Lesson done: ${s.lesson.title}`, w), tone: 'title', bold: true},
		{text: fit(`Score ${score(s)}% · time ${duration(s.elapsedMs)} · ${answered} question${answered === 1 ? '' : 's'}`, w), bold: true},
		{text: ' '},
	];
	const wrong = wentWrong(s);
	const wrongLines: Line[] = wrong.length === 0
		? [{text: fit('✓ Every question right at the first try.', w), tone: 'good'}]
		: [{text: 'To look at again:', bold: true}, ...wrong.map(t => ({text: fit(`✗ ${t}`, w), tone: 'bad' as const}))];
	const footer: Line[] = [{text: ' '}, {text: fit(next ? `Enter: next lesson · q: menu` : 'Enter or q: back to the menu', w), tone: 'dim'}];
	const nextLines: Line[] = next ? [{text: fit(`Next: ${next.title} (${next.minutes} min)`, w), tone: 'accent', bold: true}] : [];
	const budget = Math.max(1, height - 1 - head.length - footer.length - nextLines.length - 1);
	const outroAll = s.lesson.outro ? wrapText(s.lesson.outro, w) : [];
	// What went wrong keeps at least half of the room; the outro gets the rest.
	const wrongKept = wrongLines.slice(0, Math.max(2, Math.min(wrongLines.length, budget - Math.min(outroAll.length, Math.floor(budget / 2)))));
	if (wrongKept.length < wrongLines.length) wrongKept.push({text: `… and ${wrongLines.length - wrongKept.length} more`, tone: 'dim'});
	const outro = clampLines(outroAll, Math.max(0, budget - wrongKept.length), w).map(text => ({text}));
	return [...head, ...wrongKept, ...(outro.length ? [{text: ' '}, ...outro] : []), ...nextLines, ...footer];
}
