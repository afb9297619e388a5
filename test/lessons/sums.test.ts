// The arithmetic behind every seq and ack the tutor explains: ISN + 1 (SYN) + each data segment + 1 (FIN),
// counted in one direction of one connection, checked against the trace for every shipped question.
import {describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/lessons/catalog.js';
import {position, ruleFor} from '../../src/lessons/resolve.js';
import type {Question} from '../../src/lessons/schema.js';
import {type SeqSum, isnsAt, isnsOf, seqSum, showSum} from '../../src/lessons/seq-sums.js';
import {type Trace, run} from '../../src/sim/run.js';
import type {SegmentEvent} from '../../src/sim/trace.js';
import {playSteps} from '../sim/play.js';
import {oneQuestion} from './one-question.js';

const {lessons} = loadLessons([new URL('../../lessons/', import.meta.url).pathname]);
const SEEDS = [1, 2, 3, 7, 42, 0xfffffff7, 123456, 99];

type Row = {lesson: string; question: Question; field: 'seq' | 'ack'};
const rows: Row[] = lessons.flatMap(l => l.questions.flatMap(q => {
	const fields = q.ask.filter((f): f is 'seq' | 'ack' => f === 'seq' || f === 'ack');
	const claimed = q.claim?.field === 'seq' || q.claim?.field === 'ack' ? [q.claim.field] : [];
	return [...fields, ...claimed].map(field => ({lesson: l.id, question: q, field}));
}));

const add = (sum: SeqSum) => sum.terms.reduce((n, t) => (n + t.amount) >>> 0, sum.start.value);
const segmentsBefore = (trace: Trace, seg: SegmentEvent) => trace.events.slice(0, trace.events.indexOf(seg))
	.filter((e): e is SegmentEvent => e.type === 'segment');

/** Each term stands for a real segment of that direction, sent (for seq) or delivered (for ack) before this one. */
function termsMatchSegments(trace: Trace, seg: SegmentEvent, sum: SeqSum): void {
	const side = sum.field === 'seq' ? seg.from : seg.to;
	const earlier = segmentsBefore(trace, seg).filter(e => e.from === side && (sum.field === 'seq' || e.fate !== 'dropped'));
	let at = sum.start.value;
	for (const [k, t] of sum.terms.entries()) {
		const found = t.kind === 'SYN' ? earlier.some(e => e.flags.includes('SYN') && e.seq === at) && k === 0
			: t.kind === 'FIN' ? earlier.some(e => e.flags.includes('FIN') && ((e.seq + e.len) >>> 0) === at) && t.amount === 1
				: earlier.some(e => e.seq === at && e.len === t.amount);
		expect(found, `${t.kind} ${t.amount} at ${at}`).toBe(true);
		at = (at + t.amount) >>> 0;
	}
}

describe('every seq and ack question of every shipped lesson', () => {
	it('covers some questions (the table is not empty)', () => {
		expect(rows.length).toBeGreaterThan(30);
	});

	it.each(rows.map(r => [`${r.lesson} ${r.question.id} ${r.field}`, r] as const))('%s: the terms add up to the trace', (_name, {lesson, question, field}) => {
		const scenario = lessons.find(l => l.id === lesson)!.scenario;
		for (const seed of SEEDS) {
			const trace = run(scenario, seed);
			const seg = position(question, trace).segment!;
			for (const relative of [false, true]) {
				const sum = seqSum(trace, seg, field, relative)!;
				const shown = field === 'seq' ? (relative ? seg.rel.seq : seg.seq) : (relative ? seg.rel.ack : seg.ack);
				const where = `seed ${seed} ${relative ? 'relative' : 'absolute'}`;
				expect(add(sum), where).toBe(sum.total);
				expect(sum.total, where).toBe(shown);
				const text = ruleFor(question, question.ask.includes(field) ? field : 'claim', trace, relative);
				expect(text, where).toContain(showSum(sum));
				expect(text, where).toMatch(new RegExp(`\\b${sum.total}\\b`));
				if (sum.absolute) expect(sum.terms.reduce((n, t) => (n + t.amount) >>> 0, sum.absolute.start), where).toBe(field === 'seq' ? seg.seq : seg.ack);
				expect(sum.rule, where).not.toMatch(/No rule/);
				if (/^[xy]$/.test(sum.start.name)) {
					// x and y are the connection's ISN: the base the trace's own relative numbers count from.
					const abs = field === 'seq' ? seg.seq : seg.ack!;
					const rel = field === 'seq' ? seg.rel.seq : seg.rel.ack!;
					expect(sum.start.value, where).toBe(relative ? 0 : (abs - rel) >>> 0);
					if (!relative) termsMatchSegments(trace, seg, sum);
				}
			}
		}
	});
});

const header = ['client: { isn: 1000 }', 'server: { isn: 5000 }'];
const open = ['server: listen', 'client: connect'];
const segs = (t: Trace) => t.events.filter((e): e is SegmentEvent => e.type === 'segment');
const terms = (sum: SeqSum | undefined) => sum && [sum.start.name, ...sum.terms.map(t => `${t.amount} ${t.kind}`)];

describe('what counts, and once', () => {
	it('a retransmitted data segment counts once, and its own seq is what came before it', () => {
		const t = playSteps([...open, 'drop: { from: client, flags: [ACK], count: 1 }', 'client: send 100', 'wait: 1s'], header);
		const [, , , lost, resent, ack] = segs(t);
		expect([lost!.fate, resent!.seq, ack!.from]).toEqual(['dropped', 1001, 'server']);
		expect(terms(seqSum(t, ack!, 'ack', false))).toEqual(['x', '1 SYN', '100 data']);
		const again = seqSum(t, resent!, 'seq', false)!;
		expect(terms(again)).toEqual(['x', '1 SYN']);
		expect(again.rule).toMatch(/retransmission/);
	});

	it('a segment lost and resent after later ones counts once, in its place', () => {
		const t = playSteps([...open, 'drop: { from: client, flags: [ACK], count: 1 }', 'client: send 3000', 'wait: 1s'], header);
		const last = segs(t).filter(e => e.from === 'server').at(-1)!;
		expect(last.ack).toBe(4001);
		expect(terms(seqSum(t, last, 'ack', false))).toEqual(['x', '1 SYN', '1460 data', '1460 data', '80 data']);
	});

	it('a duplicated segment counts once', () => {
		const t = playSteps([...open, 'duplicate: { from: client, flags: [ACK], count: 1 }', 'client: send 100', 'client: send 50'], header);
		const last = segs(t).filter(e => e.from === 'server').at(-1)!;
		expect(terms(seqSum(t, last, 'ack', false))).toEqual(['x', '1 SYN', '100 data', '50 data']);
	});

	it('the ACK of an out-of-order segment counts only what arrived in order (RCV.NXT)', () => {
		const t = playSteps([...open, 'reorder: { from: client, flags: [ACK], count: 1 }', 'client: send 3000'], header);
		const dupAck = segs(t).find(e => e.from === 'server' && e.ack === 1001)!;
		expect(dupAck).toBeDefined();
		expect(terms(seqSum(t, dupAck, 'ack', false))).toEqual(['x', '1 SYN']);
	});

	it('a FIN counts one, after the data it rides behind', () => {
		const t = playSteps([...open, 'server: send 200', 'server: close', 'wait: 1s'], header);
		const ackOfFin = segs(t).filter(e => e.from === 'client').at(-1)!;
		const sum = seqSum(t, ackOfFin, 'ack', false)!;
		expect(terms(sum)).toEqual(['y', '1 SYN', '200 data', '1 FIN']);
		expect(showSum(sum)).toBe('ack = y + 1 (SYN) + 200 (data) + 1 (FIN) = 5000 + 1 + 200 + 1 = 5202');
		expect(showSum(seqSum(t, ackOfFin, 'ack', true)!)).toBe('ack = y + 1 (SYN) + 200 (data) + 1 (FIN) = 0 + 1 + 200 + 1 = 202');
	});

	it('the sum wraps around 2^32 as sequence numbers do', () => {
		const t = playSteps([...open, 'client: send 100'], ['client: { isn: 4294967290 }', 'server: { isn: 5000 }']);
		const sum = seqSum(t, segs(t).at(-1)!, 'ack', false)!;
		expect([sum.start.value, sum.total]).toEqual([4294967290, 95]);
		expect(showSum(sum)).toBe('ack = x + 1 (SYN) + 100 (data) = 4294967290 + 1 + 100 = 95');
	});

	it('four or more data segments in a row are one term', () => {
		const t = playSteps([...open, 'client: send 5000'], header);
		const sum = seqSum(t, segs(t).at(-1)!, 'ack', false)!;
		expect(sum.terms.length).toBe(5);
		expect(showSum(sum)).toBe('ack = x + 1 (SYN) + 5000 (data, 4 segments) = 1000 + 1 + 5000 = 6001');
	});
});

describe('which connection', () => {
	it('a second connection counts from its own ISN, and says x is not the first one', () => {
		const t = playSteps([...open, 'client: send 100', 'client: abort', 'server: listen', 'client: connect', 'client: send 10'], header);
		const [firstX, secondX] = isnsOf(t).client;
		expect(firstX).toBe(1000);
		const sum = seqSum(t, segs(t).at(-1)!, 'ack', false)!;
		expect([sum.start.value, ...sum.terms.map(x => x.amount)]).toEqual([secondX, 1, 10]);
		expect(sum.note).toMatch(/x is the client's ISN in this connection/);
	});

	it('with several clients, a segment counts in its own connection, though another client sent a SYN since', () => {
		const t = playSteps(['server: listen', 'client A: connect', 'client B: connect', 'client A: send 100'], header);
		const [xA, xB] = isnsOf(t).client;
		const ack = segs(t).at(-1)!;
		expect([ack.from, ack.ack]).toEqual(['server', (xA! + 101) >>> 0]);
		expect(terms(seqSum(t, ack, 'ack', false))).toEqual(['x', '1 SYN', '100 data']);
		expect(seqSum(t, ack, 'ack', false)!.start.value).toBe(xA);
		expect(isnsAt(t, ack).client, '"x+101" means client A\'s x').toBe(xA);
		expect(isnsAt(t, segs(t)[4]!).client, 'and client B\'s x on B\'s handshake').toBe(xB);
	});

	it('the answer to an old duplicate SYN counts from that SYN, not from x', () => {
		const t = playSteps(['server: listen', 'inject: { from: client, flags: [SYN], seq: 900 }'], header);
		const synAck = segs(t)[1]!;
		expect(terms(seqSum(t, synAck, 'ack', false))).toEqual(["the seq of the client's old SYN", '1 SYN']);
		expect(isnsOf(t).client).toEqual([]); // the old SYN starts no connection of the client's
	});
});

describe('resets', () => {
	it('an RST answering a SYN,ACK for an old SYN takes its ack, which lies before x: relative numbers wrap, so both are shown', () => {
		const t = playSteps(['server: listen', 'drop: { from: client, flags: [SYN] }', 'client: connect', 'inject: { from: client, flags: [SYN], seq: 950 }'], header);
		const rst = segs(t).at(-1)!;
		expect([rst.flags, rst.seq]).toEqual([['RST'], 951]);
		const sum = seqSum(t, rst, 'seq', true)!;
		expect([sum.total, sum.absolute]).toEqual([951 - 1000 + 2 ** 32, {start: 951, total: 951, base: 'x'}]);
		expect(showSum(sum)).toBe("seq = the ack of that SYN,ACK = 951, or 4294967247 relative to x");
		expect(showSum(seqSum(t, rst, 'seq', false)!)).toBe('seq = the ack of that SYN,ACK = 951');
	});


	it('an RST,ACK from a closed port has seq 0 and acknowledges the SYN it answers', () => {
		const t = playSteps(['client: connect'], header);
		const rst = segs(t)[1]!;
		expect(terms(seqSum(t, rst, 'seq', false))).toEqual(['0']);
		expect(showSum(seqSum(t, rst, 'seq', false)!)).toBe('seq = 0');
		expect(terms(seqSum(t, rst, 'ack', false))).toEqual(['x', '1 SYN']);
	});

	it('an RST answering an ACK takes that ack as its seq, and still counts it in y', () => {
		const t = playSteps([...open, 'server: crash', 'client: send 100'], header);
		const rst = segs(t).at(-1)!;
		expect(rst.flags).toEqual(['RST']);
		const sum = seqSum(t, rst, 'seq', false)!;
		expect(terms(sum)).toEqual(['y', '1 SYN']);
		expect(sum.rule).toMatch(/takes that ack as its seq \(RFC 9293 3\.10\.7\.1\), here the ack of the client's data segment/);
	});
});

describe('a claim about a seq or ack', () => {
	it('is explained with the same sum', () => {
		const lesson = oneQuestion(`  client: { isn: 1000 }
  server: { isn: 5000 }
  steps:
    - server: listen
    - client: connect
    - client: send 100
      id: data`, `  - id: ack-claim
    step: data
    segment: 2
    ask: claim
    claim: { field: ack, equals: 1100 }
    endpoint: server
    prompt: "True or false: the server's ACK says ack = 1100."
    hints: [Count the SYN.]
    explain: "{claim}"`);
		const t = run(lesson.scenario, 1);
		const q = lesson.questions[0]!;
		expect(ruleFor(q, 'claim', t, false)).toContain('ack = x + 1 (SYN) + 100 (data) = 1000 + 1 + 100 = 1101');
		expect(ruleFor(q, 'claim', t, true)).toContain('ack = x + 1 (SYN) + 100 (data) = 0 + 1 + 100 = 101');
	});
});
