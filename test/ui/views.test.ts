// The pure parts of the UI, without ink: menu lines, the player's layout at every beat, the summary,
// the hook's helpers, text wrapping.
import {describe, expect, test} from 'vitest';
import {type Session, choicesFor, currentField, isDone, reduce, startSession} from '../../src/lessons/engine.js';
import type {Lesson} from '../../src/lessons/schema.js';
import type {ProgressData} from '../../src/progress/types.js';
import {SCHEMA_VERSION} from '../../src/progress/types.js';
import {fieldResults} from '../../src/lessons/engine.js';
import {resumePoint} from '../../src/ui/hooks/use-session.js';
import {helpLines} from '../../src/ui/KeyHelp.js';
import {listLimit, menuLines, overallLine, statusOf} from '../../src/ui/menu-items.js';
import {type PlayerUi, ladderFocus, playerView} from '../../src/ui/player-view.js';
import {summaryLines, wentWrong} from '../../src/ui/summary-view.js';
import {clampLines, wrapText} from '../../src/ui/wrap.js';
import {bar, duration} from '../../src/amounts.js';
import {closing, entries, handshake} from './lessons.js';

const data = (lessons: ProgressData['lessons'], lastLesson?: string): ProgressData =>
	({schemaVersion: SCHEMA_VERSION, lessons, fields: {}, ...(lastLesson ? {lastLesson} : {})});

describe('menu lines', () => {
	test.each([
		{name: 'no record', progress: undefined, text: 'not started'},
		{name: 'started, nothing saved', progress: {completed: false, bestScore: null, attempts: 1}, text: 'not started'},
		{name: 'in progress', progress: {completed: false, bestScore: null, attempts: 1, resume: save0(), answered: 2, total: 3}, text: 'in progress 2/3'},
		{name: 'done', progress: {completed: true, bestScore: 75, attempts: 1}, text: '✓ done · best 75%'},
		{name: 'done, again in progress', progress: {completed: true, bestScore: 75, attempts: 2, resume: save0(), answered: 1, total: 3}, text: 'in progress 1/3 · best 75%'},
	])('$name → $text', ({progress, text}) => {
		expect(statusOf(progress, 3).text).toBe(text);
	});

	test('continue comes first only for a lesson with a resume point; headers on the first lesson of each topic', () => {
		const lines = menuLines(entries, data({'close-test': {completed: false, bestScore: null, attempts: 1, resume: save0(), answered: 1, total: 3}}, 'close-test'));
		expect(lines.map(l => [l.value, l.header ?? ''])).toEqual([['continue', ''], ['lesson:handshake-letters', 'Handshake'], ['lesson:close-test', 'Teardown'],
			['action:review', 'Practice'], ['action:drill', ''], ['action:progress', '']]);
		expect(menuLines(entries, data({}, 'close-test')).filter(l => !l.action).map(l => l.value)).toEqual(['lesson:handshake-letters', 'lesson:close-test']);
		expect(menuLines(entries, data({}, 'gone-lesson'))[0]!.value).toBe('lesson:handshake-letters');
	});

	test('the practice group says how many cards are due once they are counted', () => {
		const status = (due?: number) => menuLines(entries, data({}), undefined, due).find(l => l.action === 'review')!.status;
		expect(status(undefined)).toBe('');
		expect(status(0)).toBe('nothing due');
		expect(status(2)).toBe('2 due');
	});

	test('overall progress counts finished lessons among those listed', () => {
		expect(overallLine(entries, data({'handshake-letters': {completed: true, bestScore: 100, attempts: 1}, 'other': {completed: true, bestScore: 1, attempts: 1}})))
			.toBe('1 of 2 lessons done');
	});

	test('listLimit leaves room for the headers of any window the list can scroll to', () => {
		const lines = menuLines([...entries, ...entries.map(e => ({...e, id: `${e.id}-2`}))], data({})).filter(l => !l.action);
		expect(lines.filter(l => l.header)).toHaveLength(2);
		expect(listLimit(lines, 6)).toBe(4); // 4 items + at most 2 headers
		expect(listLimit(lines, 5)).toBe(3);
		expect(listLimit(lines, 100)).toBe(4);
	});
});

const UI: PlayerUi = {analogy: false, confirmReveal: false, noMoreHints: false};

/** Every state a lesson passes through, answering each field wrong once, with all hints, then revealing. */
function allStates(lesson: Lesson): Session[] {
	let s = startSession(lesson, 11);
	const out: Session[] = [s];
	for (let i = 0; i < 100 && !isDone(s); i++) {
		const f = currentField(s);
		if (f) {
			s = reduce(s, {type: 'answer', text: choicesFor(f) ? '1' : '123456789'});
			out.push(s);
			for (let h = 0; h < 5; h++) s = reduce(s, {type: 'hint'});
			out.push(s);
			s = reduce(s, {type: 'reveal'});
		} else s = reduce(s, {type: 'next'});
		out.push(s);
	}
	expect(isDone(s)).toBe(true);
	return out;
}

describe('the player layout', () => {
	test.each([[80, 24], [60, 20], [100, 40], [40, 16]])('at %i x %i every beat fits, with the ladder keeping at least its header and a row', (w, h) => {
		for (const lesson of [handshake, closing]) {
			for (const s of allStates(lesson)) {
				if (isDone(s)) continue;
				for (const ui of [UI, {...UI, analogy: true, confirmReveal: true, noMoreHints: true}]) {
					const v = playerView(s, ui, w, h);
					const inputLines = v.input ? (v.input.kind === 'select' ? v.input.limit : 2) : 0;
					const ladder = v.ladder.maxRows + 1;
					const total = v.header.length + ladder + v.story.length + v.question.length + inputLines + v.after.length + 1 + v.gaps;
					expect(total).toBeLessThanOrEqual(h - 1);
					expect(v.ladder.maxRows).toBeGreaterThanOrEqual(1);
					for (const l of [...v.header, ...v.story, ...v.question, ...v.after]) expect([...l.text].length).toBeLessThanOrEqual(w);
					expect([...v.footer].length).toBeLessThanOrEqual(w);
				}
			}
		}
	});

	test('the footer says what the keys do in each situation', () => {
		let s = startSession(handshake, 1);
		expect(playerView(s, UI, 80, 24).footer).toMatch(/^Enter continue · r rel\/abs/);
		while (!currentField(s)) s = reduce(s, {type: 'next'});
		expect(playerView(s, UI, 80, 24).footer).toMatch(/^↑↓ Enter choose · h hint · s show answer/);
		s = reduce(s, {type: 'answer', text: 'SYN,ACK'});
		expect(playerView(s, UI, 80, 24).footer).toMatch(/^type, Enter · h hint · s show answer/);
		expect(playerView(s, {...UI, typing: true}, 80, 24).footer).toBe('Enter answer · Esc clear · ? help');
	});

	test('ladderFocus: ? from the sender before a segment field, none while the sender is asked, the segment once answered', () => {
		let s = startSession(handshake, 1);
		while (!currentField(s)) s = reduce(s, {type: 'next'});
		expect(ladderFocus(s).pending).toEqual({from: 'server'});
		s = reduce(reduce(s, {type: 'answer', text: 'SYN,ACK'}), {type: 'answer', text: '1001'});
		expect(ladderFocus(s).pending).toBeUndefined();
		// Answered: the segment is drawn; the client's reaction to it (ESTABLISHED) stays hidden, since the next
		// question predicts what the client sends.
		expect(ladderFocus(s).events.at(-1)).toMatchObject({type: 'segment', flags: ['ACK', 'SYN']});
		expect(ladderFocus(s).unknown.client).toBeDefined();

		let c = startSession(closing, 1);
		while (!currentField(c)) c = reduce(c, {type: 'next'});
		expect(ladderFocus(c).pending).toEqual({}); // "who sends it?": no direction
	});

	test('a state question hides the asked endpoint until answered', () => {
		let s = startSession(handshake, 1);
		while (currentField(s) !== 'state') s = currentField(s) ? reduce(s, {type: 'reveal'}) : reduce(s, {type: 'next'});
		const open = ladderFocus(s);
		expect(open.unknown.server).toBeLessThan(open.events.length); // the rows of the step show the server as ?
		expect(open.events.some(e => e.type === 'state' && e.endpoint === 'server' && e.to === 'ESTABLISHED')).toBe(false);
		s = reduce(s, {type: 'answer', text: 'ESTABLISHED'});
		expect(ladderFocus(s).unknown.server).toBeUndefined();
		expect(ladderFocus(s).events.some(e => e.type === 'state' && e.endpoint === 'server' && e.to === 'ESTABLISHED')).toBe(true);
	});
});

describe('summary', () => {
	test('score, time, what went wrong, the outro and the next lesson', () => {
		let s = startSession(handshake, 1);
		for (const st of allStates(handshake)) s = st;
		s = reduce(s, {type: 'tick', ms: 125_000});
		expect(wentWrong(s)).toHaveLength(3);
		const text = summaryLines(s, entries[1], 80, 24).map(l => l.text);
		expect(text[1]).toBe('Score 0% · time 2 min 05 s · 3 questions');
		expect(text.filter(t => t.startsWith('✗ answer shown'))).toHaveLength(3);
		expect(text).toContain('Next: Closing, for the tests (4 min)');
		expect(text.at(-1)).toBe('Enter: next lesson · q: menu');
		expect(summaryLines(s, undefined, 80, 24).at(-1)!.text).toBe('Enter or q: back to the menu');
		for (const [w, h] of [[60, 20], [40, 12]] as const) {
			const lines = summaryLines(s, entries[1], w, h);
			expect(lines.length).toBeLessThanOrEqual(h - 1);
			for (const l of lines) expect([...l.text].length).toBeLessThanOrEqual(w);
		}
	});

	test('nothing went wrong: it says so', () => {
		let s = startSession(closing, 1);
		const answers: Record<string, string> = {sender: 'client', seq: '1101', state: 'CLOSE-WAIT'};
		while (!isDone(s)) {
			const f = currentField(s);
			s = f ? reduce(s, {type: 'answer', text: answers[f]!}) : reduce(s, {type: 'next'});
		}
		expect(wentWrong(s)).toEqual([]);
		expect(summaryLines(s, undefined, 80, 24).map(l => l.text)).toContain('✓ Every question right at the first try.');
	});
});

describe('use-session helpers', () => {
	test('fieldResults: each asked field of each answered question, right at the first try unless missed', () => {
		let s = startSession(handshake, 1);
		while (!currentField(s)) s = reduce(s, {type: 'next'});
		s = reduce(s, {type: 'answer', text: 'SYN'});
		s = reduce(s, {type: 'answer', text: 'SYN,ACK'});
		s = reduce(s, {type: 'hint'});
		s = reduce(s, {type: 'answer', text: '1001'});
		expect(fieldResults(s)).toEqual([{field: 'flags', firstTry: false}, {field: 'ack', firstTry: true}]);
	});

	test('resumePoint: after an explained question, the beat after it; otherwise where the learner is', () => {
		let s = startSession(handshake, 1);
		while (!currentField(s)) s = reduce(s, {type: 'next'});
		expect(resumePoint(s).pos).toBe(s.pos);
		s = reduce(reduce(s, {type: 'reveal'}), {type: 'reveal'});
		expect(s.explained).toBe(true);
		expect(resumePoint(s).pos).toBe(s.pos + 1);
		expect(resumePoint(s).results).toEqual(s.results);
	});
});

describe('text', () => {
	test.each([
		['a few words', 20, ['a few words']],
		['one two three four', 9, ['one two', 'three', 'four']],
		['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
		['first\n\nthird', 10, ['first', '', 'third']],
	])('wrapText(%j, %i)', (text, width, lines) => {
		expect(wrapText(text, width)).toEqual(lines);
	});

	test('clampLines marks what it drops; bar and duration', () => {
		expect(clampLines(['a', 'b', 'c'], 2, 10)).toEqual(['a', 'b …']);
		expect(clampLines(['a', 'b'], 2, 10)).toEqual(['a', 'b']);
		expect(bar(1, 4, 8)).toBe('██░░░░░░');
		expect(bar(0, 0, 3)).toBe('███');
		expect([duration(42_000), duration(245_000), duration(3_900_000)]).toEqual(['42 s', '4 min 05 s', '1 h 05 min']);
	});

	test('the key help fits 60 columns without wrapping a key\'s line, names the text-field rule and the numbers', () => {
		const lines = helpLines(60);
		for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60);
		expect(lines.join(' ')).toContain('work while it is empty');
		expect(lines).toContain('  1 … 11     pick an answer by number (10, 11: both digits)'); // one line, unwrapped
		expect(lines.length).toBeLessThanOrEqual(18);
	});
});

function save0() {
	const s = startSession(handshake, 1);
	return {seed: s.seed, pos: 0, relative: false, results: {}, elapsedMs: 0};
}
