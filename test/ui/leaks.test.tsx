// Predict, then see, in the ink player: play every shipped lesson by keys (showing every answer
// with s s), and at each field of each question read the frame as a learner would. The asked
// endpoint's column never shows the state asked (unless it was there before the question's step),
// no line narrates it, the asked segment is the "?" row, the counted segments are not drawn yet,
// and a later field's duration is not in the feedback of an earlier one.
import {afterEach, describe, expect, it} from 'vitest';
import {FIELD_LABELS, type Session, currentBeat, currentField, currentQuestion, isDone, progressOf, reduce, startSession} from '../../src/lessons/engine.js';
import type {Lesson} from '../../src/lessons/schema.js';
import {Player} from '../../src/ui/Player.js';
import {type Found, secretsOf, shipped} from '../helpers/leaks.js';
import {FakeStore} from './fake-store.js';
import {KEY, type Rendered, press, renderAt, waitFor, waitForText} from './harness.js';

let open: Rendered[] = [];
afterEach(async () => {
	for (const r of open) await r.unmount();
	open = [];
});

const WIDTH = 100;
const HEIGHT = 40;

/** The diagram's rows in a frame: the lines between its header ("client … server") and the first empty line. */
function ladderRows(frame: string): string[] {
	const lines = frame.split('\n');
	const head = lines.findIndex(l => /^client\s+.*server$/.test(l.trim()));
	if (head < 0) return [];
	const end = lines.findIndex((l, i) => i > head && l.trim() === '');
	return lines.slice(head + 1, end < 0 ? undefined : end);
}

const cell = (row: string, side: string) => (side === 'client' ? row.trim().split(/\s+/)[0] ?? '' : row.trim().split(/\s+/).at(-1) ?? '');

function leaksIn(frame: string, s: Session): string[] {
	const q = currentQuestion(s)!;
	const field = currentField(s)!;
	const secrets = secretsOf(q, s.trace);
	const rows = ladderRows(frame);
	const out: string[] = [];
	const still = q.ask.slice(q.ask.indexOf(field)); // the fields not answered yet
	const beat = currentBeat(s);
	if (secrets.state && (still.includes('state') || q.claim?.field === 'state')) {
		const {endpoint, state} = secrets.state;
		// The states the endpoint was in before the question's moment may be drawn; the new one may not.
		const from = beat.kind === 'ask' && beat.mask ? beat.mask.from : s.trace.steps[q.step]!.from;
		const seen = new Set(['CLOSED', ...s.trace.events.slice(0, from).flatMap(e => (e.type === 'state' && e.endpoint === endpoint ? [e.to] : []))]);
		if (!seen.has(state)) {
			const short = state === 'ESTABLISHED' ? 'ESTAB' : state === 'SYN-RECEIVED' ? 'SYN-RECV' : state;
			if (rows.some(r => cell(r, endpoint) === state || cell(r, endpoint) === short)) out.push(`${endpoint} drawn in ${state}`);
			if (frame.includes(`→ ${state}`)) out.push(`"→ ${state}" on screen`);
		}
	}
	if (secrets.timer?.askedDuration && still.includes('duration')) {
		const shown = frame.split('\n').filter(l => !l.startsWith('? ') && !l.startsWith('TCP: ')).join('\n');
		for (const d of secrets.timer.durations) if (new RegExp(`\\b${d} ?s\\b`).test(shown) && still[0] !== 'duration') out.push(`${d} s on screen before the duration is asked`);
		if (still[0] === 'duration') {
			const feedback = frame.split('\n').filter(l => l.startsWith('✓') || l.startsWith('→'));
			for (const d of secrets.timer.durations) if (feedback.some(l => new RegExp(`\\b${d} ?s\\b`).test(l))) out.push(`${d} s in the feedback before the duration is asked`);
		}
	}
	if (secrets.segment && !/\?/.test(rows.at(-1) ?? '')) out.push('the asked segment is not the "?" row');
	if (secrets.counted && secrets.counted.length > 0 && !frame.includes('earlier row')) {
		// Arrows before the count's step: its segments, and SYN floods (drawn as an arrow too).
		const before = s.trace.events.slice(0, s.trace.steps[q.step]!.from).filter(e => e.type === 'segment' || e.type === 'flood').length;
		const arrows = rows.filter(r => /[▶◀✗]/.test(r)).length;
		if (arrows > before) out.push(`${arrows - before} counted segment(s) drawn`);
	}
	return out;
}

async function play(lesson: Lesson, seed: number): Promise<Found[]> {
	const r = await renderAt(<Player lesson={lesson} seed={seed} store={new FakeStore()} onQuit={() => {}} onOpen={() => {}}
		saver={{current: undefined}} width={WIDTH} height={HEIGHT} autoplayMs={0} />, WIDTH, HEIGHT);
	open.push(r);
	const found: Found[] = [];
	let s = startSession(lesson, seed);
	if (!currentBeat(s).stop) s = reduce(s, {type: 'skip'});
	for (let guard = 0; !isDone(s) && guard < 500; guard++) {
		const q = currentQuestion(s);
		if (q && !s.explained) {
			await waitForText(r, `question ${progressOf(s).done + 1} of`);
			while (!s.explained) {
				await waitForText(r, 'show answer');
				for (const leak of leaksIn(r.lastFrame(), s)) found.push({lesson: lesson.id, seed, question: q.id, leak: `${currentField(s)}: ${leak}`});
				await press(r, 's', 's');
				s = reduce(s, {type: 'reveal'});
				const field = currentField(s);
				if (field) await waitForText(r, `${FIELD_LABELS[field]}`);
			}
			await waitFor(() => /to continue|see your results/.test(r.lastFrame()), () => r.lastFrame());
		}
		await press(r, KEY.enter);
		s = reduce(s, {type: 'skip'});
	}
	await r.unmount();
	open = open.filter(x => x !== r);
	return found;
}

describe('the player shows no answer before its question', () => {
	it.each(shipped.map(l => [l.id, l] as const))('%s', async (_id, lesson) => {
		const found: Found[] = [];
		for (const seed of [1, 42]) found.push(...await play(lesson, seed));
		expect(found).toEqual([]);
	}, 60_000);
});
