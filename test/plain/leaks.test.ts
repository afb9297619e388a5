// Predict, then see, in plain mode: play every shipped lesson (several seeds, every answer shown
// with "!") and, at each question, read what was printed before it as a learner would. Nothing
// printed may give the answer away: the asked endpoint's new state or timer in a narrative line,
// the asked segment's line or its sender's reaction (a state change, a note), the counted segments, a flood's
// queue counts before a question on the queues, or a story read since the last answer (its own step's, or an
// earlier one that runs ahead) naming the asked state.
import {describe, expect, it} from 'vitest';
import {planBeats} from '../../src/lessons/engine.js';
import type {Lesson, Question} from '../../src/lessons/schema.js';
import {playPlain} from '../../src/plain/play.js';
import {narrate} from '../../src/plain/narrate.js';
import {connectionNames} from '../../src/sim/connection-names.js';
import {run} from '../../src/sim/run.js';
import {type Found, SEEDS, secretsOf, shipped} from '../helpers/leaks.js';
import {tempStore} from '../helpers/temp-store.js';

type Asked = {readonly q: Question; readonly line: number; done?: number};

/** Play with "!" for every field; note the output line at which each question is asked and finished. */
async function playRevealing(lesson: Lesson, seed: number) {
	const trace = run(lesson.scenario, seed);
	const order = planBeats(lesson, trace).flatMap(b => (b.kind === 'ask' ? [lesson.questions[b.question]!] : []));
	const out: string[] = [];
	const asked: Asked[] = [];
	const story = new Set<number>(); // the output lines that tell a step's story (its TCP view and analogy)
	let inStory = false;
	const input = {next: async () => '!'};
	await playPlain({
		lesson, store: tempStore(), seed, fresh: true, now: () => 0, input,
		write: line => {
			if (/^Question \d+ of \d+:/.test(line)) {
				const prev = asked.at(-1);
				if (prev && prev.done === undefined) prev.done = out.length;
				asked.push({q: order[asked.length]!, line: out.length});
			}
			if (/^Step \d+:/.test(line) || line.startsWith('Lesson complete')) {
				const prev = asked.at(-1);
				if (prev && prev.done === undefined) prev.done = out.length;
			}
			inStory = inStory && /^ {2}/.test(line) && !/^\s*t=/.test(line);
			if (inStory) story.add(out.length);
			if (/^Step \d+:/.test(line)) inStory = true;
			out.push(line);
		},
	});
	return {trace, out, asked, story};
}

/** A side as plain mode names it, with the connection when the trace holds several: "client C", "server (client C's connection)". */
const who = (side: string) => `${side}(?: [^\\s:(]+| \\([^)]*\\))?`;
const stateLine = (side: string, state: string) => new RegExp(`^\\s*t=\\S+ ${who(side)}: \\S+ → ${state} \\(`);
const timerLine = (side: string) => new RegExp(`^\\s*t=\\S+ ${who(side)}: \\S+ timer set for`);

async function leaksOf(lesson: Lesson, seed: number): Promise<Found[]> {
	const {trace, out, asked, story} = await playRevealing(lesson, seed);
	const names = connectionNames(trace); // the lines as printed: "client C → server" when the trace holds several connections
	const found: Found[] = [];
	const report = (q: Question, leak: string) => found.push({lesson: lesson.id, seed, question: q.id, leak});
	asked.forEach((a, k) => {
		const {q} = a;
		const secrets = secretsOf(q, trace);
		const header = out.slice(0, a.line).map(l => l.startsWith(`Step ${q.step + 1}:`)).lastIndexOf(true);
		// Since the step began, or since the last question on the same endpoint was answered.
		const sameSide = asked.slice(0, k).filter(p => p.q.endpoint === q.endpoint && p.q.step === q.step).at(-1);
		const from = Math.max(header, sameSide?.done ?? -1, 0);
		const window = out.slice(from, a.line);
		const before = out.slice(0, a.line);
		if (secrets.state) {
			const hit = window.find(l => stateLine(secrets.state!.endpoint, secrets.state!.state).test(l));
			if (hit) report(q, `state ${secrets.state.state} printed: "${hit.trim()}"`);
		}
		if (secrets.state) {
			// A story read since the last answer (its own step's, or an earlier step's that ran ahead) naming the state.
			const name = new RegExp(`\\b${secrets.state.state.replace(/-/g, '[-_ ]?')}\\b`);
			const since = asked[k - 1]?.done ?? 0;
			const hit = out.slice(since, a.line).find((l, i) => story.has(since + i) && name.test(l));
			if (hit) report(q, `a story names the state ${secrets.state.state}: "${hit.trim()}"`);
		}
		if (secrets.timer) {
			const hit = window.find(l => timerLine(secrets.timer!.endpoint).test(l));
			if (hit) report(q, `timer printed: "${hit.trim()}"`);
		}
		if (secrets.segment) {
			const line = narrate(secrets.segment, false, undefined, names);
			if (line && before.includes(line)) report(q, `asked segment printed: "${line.trim()}"`);
			// The sender's state change since the last segment printed (LISTEN → SYN-RECEIVED tells that a SYN,ACK follows).
			const lastSegment = before.map(l => new RegExp(`^\\s*t=\\S+ (${who('client')}|${who('server')}) → `).test(l)).lastIndexOf(true);
			// Its notes too ("SYN cookie sent" tells that a SYN,ACK follows).
			const hit = before.slice(Math.max(lastSegment, header, asked[k - 1]?.done ?? 0, 0)).find(l => new RegExp(`^\\s*t=\\S+ ${who(secrets.segment!.from)}: `).test(l));
			if (hit) report(q, `the sender's reaction printed: "${hit.trim()}"`);
		}
		if (secrets.queues) {
			// A flood's outcome is a reading of the queues: not before a question on them, since the last one was answered.
			const since = asked.slice(0, k).filter(p => secretsOf(p.q, trace).queues).at(-1)?.done ?? 0;
			const hit = out.slice(since, a.line).find(l => /spoofed SYNs hit the server: \d+ half-open/.test(l));
			if (hit) report(q, `a flood's queue count printed: "${hit.trim()}"`);
		}
		for (const seg of secrets.counted ?? []) {
			const line = narrate(seg, false, undefined, names);
			if (line && before.slice(Math.max(header, 0)).includes(line)) {
				report(q, `counted segment printed: "${line.trim()}"`);
				break;
			}
		}
	});
	return found;
}

describe('plain mode shows no answer before its question', () => {
	it.each(shipped.map(l => [l.id, l] as const))('%s', async (_id, lesson) => {
		const found: Found[] = [];
		for (const seed of SEEDS) found.push(...await leaksOf(lesson, seed));
		expect(found).toEqual([]);
	});
});
