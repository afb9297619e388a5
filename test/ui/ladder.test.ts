import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {STATES} from '../../src/sim/endpoint.js';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run} from '../../src/sim/run.js';
import type {SegmentEvent, TraceEvent} from '../../src/sim/trace.js';
import {connectionNames} from '../../src/sim/connection-names.js';
import {ladderRows} from '../../src/ui/ladder-rows.js';
import {ladderLines, segmentLabel} from '../../src/ui/ladder.js';

const play = (steps: readonly string[], isns = '', seed = 1) =>
	run(scenarioFromYaml(`${isns}\nsteps:\n${steps.map(s => `  - ${s}`).join('\n')}\n`), seed);
const FIXED = 'client: { isn: 1000 }\nserver: { isn: 5000 }';
const OPEN = ['server: listen', 'client: connect'];
const FULL = [...OPEN, 'client: send 100', 'server: read', 'server: send 200', 'client: read', 'client: close', 'server: close'];
const width = (line: string) => [...line.replace(/\u001B\[[0-9;]*m/g, '')].length;
const rowWith = (lines: readonly string[], text: string) => lines.find(l => l.includes(text));

describe('labels and arrows', () => {
	const lines = ladderLines(play(FULL, FIXED).events, {width: 100, relative: false});

	test('the handshake reads like the RFC figure: labels, arrows by sender, both states on every row', () => {
		expect(lines[0]).toMatch(/^client +server$/);
		expect(rowWith(lines, 'SYN seq=1000 ─')).toMatch(/^SYN-SENT +─ SYN seq=1000 ─+▶ SYN-RECEIVED$/);
		expect(rowWith(lines, 'SYN,ACK seq=5000 ack=1001 ─')).toMatch(/^ESTABLISHED +◀─+ SYN,ACK seq=5000 ack=1001 ─ SYN-RECEIVED$/);
		expect(rowWith(lines, 'ACK seq=1001 ack=5001 len=0 ─')).toMatch(/^ESTABLISHED +─ ACK seq=1001 ack=5001 len=0 ─+▶ ESTABLISHED$/);
	});

	test('data carries len and PSH (it ends a write), FIN carries len=0 at full width', () => {
		expect(rowWith(lines, '─ PSH,ACK seq=1001 ack=5001 len=100 ─')).toBeDefined();
		expect(rowWith(lines, 'FIN,ACK seq=1101 ack=5201 len=0')).toMatch(/^FIN-WAIT-1 +─ FIN,ACK/);
		expect(rowWith(lines, 'ACK seq=5001 ack=1101 len=0')).not.toContain('PSH'); // a bare ACK carries no PSH
	});

	test('a state change no segment shows gets its own row with its cause (LISTEN before the connect the SYN shows)', () => {
		expect(lines[1]).toMatch(/^CLOSED +listen LISTEN$/);
		expect(lines[2]).toMatch(/^SYN-SENT +─ SYN/);
	});

	test('the teardown ends with TIME-WAIT on the client and CLOSED on the server', () => {
		expect(lines[lines.length - 1]).toMatch(/^TIME-WAIT +─ ACK seq=1102 ack=5202 len=0 ─+▶ CLOSED$/);
	});

	test.each([
		[0, 'FIN,ACK seq=1101 ack=5201 len=0'],
		[1, 'FIN,ACK seq=1101 ack=5201'],
		[2, 'FIN,ACK 1101/5201'],
		[3, 'F. 1101/5201'],
		[4, 'FIN,ACK'],
		[5, 'FIN,ACK'],
		[6, 'F.'],
	])('label form %i of a FIN: %s', (tier, label) => {
		const fin = play(FULL, FIXED).events.find((e): e is SegmentEvent => e.type === 'segment' && e.flags.includes('FIN'))!;
		expect(segmentLabel(fin, tier, false)).toBe(label);
	});

	test('a SYN never shows len=0; a data segment shows its length until only flags are left', () => {
		const segs = play(FULL, FIXED).events.filter((e): e is SegmentEvent => e.type === 'segment');
		expect(segmentLabel(segs[0]!, 0, false)).toBe('SYN seq=1000');
		expect([0, 1, 2, 3, 4, 5, 6].map(t => segmentLabel(segs[3]!, t, false))).toEqual(
			['PSH,ACK seq=1001 ack=5001 len=100', 'PSH,ACK seq=1001 ack=5001 len=100', 'PSH,ACK 1001/5001 len=100', 'P. 1001/5001 len=100', 'PSH,ACK len=100', 'PSH,ACK', 'P.']);
	});
});

describe('relative and absolute numbers', () => {
	const t = play(FULL, '', 42); // random ISNs
	test('absolute shows the ISNs, relative shows 0 and 1 (rel.seq/rel.ack)', () => {
		const abs = ladderLines(t.events, {width: 100, relative: false}).join('\n');
		const rel = ladderLines(t.events, {width: 100, relative: true}).join('\n');
		expect(abs).toContain(`SYN seq=${t.isn.client} ─`);
		expect(abs).toContain(`SYN,ACK seq=${t.isn.server} ack=${(t.isn.client + 1) >>> 0}`);
		expect(rel).toContain('SYN seq=0 ─');
		expect(rel).toContain('SYN,ACK seq=0 ack=1 ─');
		expect(rel).toContain('FIN,ACK seq=101 ack=201');
		expect(rel).not.toContain(String(t.isn.client));
	});
});

describe('widths', () => {
	const t = play(FULL, '', 42);
	test.each([100, 80, 60, 40])('at %i columns no line is wider, and every row keeps its arrow', w => {
		for (const relative of [false, true]) {
			const lines = ladderLines(t.events, {width: w, relative});
			for (const l of lines) expect(width(l)).toBeLessThanOrEqual(w);
			expect(lines.filter(l => l.includes('▶') || l.includes('◀'))).toHaveLength(t.events.filter(e => e.type === 'segment').length);
		}
	});

	test('at 60 columns long numbers drop the seq=/ack= words instead of wrapping', () => {
		const lines = ladderLines(t.events, {width: 60, relative: false});
		expect(lines.join('\n')).toContain(`SYN,ACK ${t.isn.server}/${(t.isn.client + 1) >>> 0}`);
		expect(lines.join('\n')).not.toContain('seq=');
		expect(ladderLines(t.events, {width: 100, relative: false}).join('\n')).toContain('seq=');
	});

	test('at 40 columns states take ss(8) names and labels shrink to flags', () => {
		const lines = ladderLines(t.events, {width: 40, relative: false});
		expect(lines.join('\n')).toContain('SYN-RECV');
		expect(lines.join('\n')).toContain('ESTAB ');
		expect(lines.join('\n')).not.toContain('ESTABLISHED');
		expect(rowWith(lines, 'SYN,ACK')).toBeDefined();
	});

	test('at 60 columns the relative diagram keeps the full labels', () => {
		const lines = ladderLines(t.events, {width: 60, relative: true});
		expect(rowWith(lines, 'SYN,ACK seq=0 ack=1')).toBeDefined();
	});

	test('the time column appears when asked and there is room, and is dropped when narrow', () => {
		const drop = play([...OPEN, 'drop: { from: client }', 'client: send 100', 'wait: 1s'], FIXED);
		const wide = ladderLines(drop.events, {width: 100, relative: false, time: true});
		expect(wide[0]).toMatch(/^time \(s\) client/);
		expect(rowWith(wide, '[retransmission]')).toMatch(/^ {3}0\.204 ESTABLISHED/);
		expect(ladderLines(drop.events, {width: 60, relative: false, time: true})[0]).toMatch(/^client/);
	});
});

describe('lost, duplicated, retransmitted, pending', () => {
	const t = play([...OPEN, 'drop: { from: client }', 'client: send 100', 'wait: 1s', 'duplicate: { from: server }', 'server: send 50'], FIXED);
	const lines = ladderLines(t.events, {width: 80, relative: false});

	test('a lost segment stops part-way with ✗ lost and no arrowhead', () => {
		const lost = rowWith(lines, '✗ lost')!;
		expect(lost).toMatch(/^ESTABLISHED +─ PSH,ACK seq=1001 ack=5001 len=100 ─+✗ lost +ESTABLISHED$/);
		expect(lost).not.toContain('▶');
	});

	test('its retransmission is marked, and arrives', () => {
		expect(rowWith(lines, '[rtx]') ?? rowWith(lines, '[retransmission]')).toMatch(/PSH,ACK seq=1001 ack=5001 len=100 \[(rtx|retransmission)\] ─+▶/);
	});

	test('a duplicated segment is marked in words', () => {
		expect(lines.join('\n')).toMatch(/◀─+ PSH,ACK seq=5001 ack=1101 len=50 \[dup(licated)?\] ─/);
	});

	test('a segment that arrives only after its receiver changed state says it is in flight', () => {
		const crossing = ladderLines(play(['together: [ { client: connect }, { server: connect } ]'], FIXED).events, {width: 80, relative: true});
		expect(crossing[1]).toMatch(/^SYN-SENT +─ SYN seq=0 \[in flight\] ─+▶ CLOSED$/);
		expect(crossing.at(-1)).not.toContain('in flight');
		expect(lines.join('\n')).not.toContain('in flight'); // several segments in flight, no receiver changed state
	});

	test('a segment lost from the server stops part-way on the way to the client', () => {
		const back = play([...OPEN, 'drop: { from: server }', 'server: send 10'], FIXED);
		const row = rowWith(ladderLines(back.events, {width: 80, relative: false}), 'lost')!;
		expect(row).toMatch(/^ESTABLISHED +lost ✗─+ PSH,ACK seq=5001 ack=1001 len=10 ─ ESTABLISHED$/);
	});

	test('the pending segment is a ? arrow from its sender, with no label and no states', () => {
		const open = play(OPEN, FIXED);
		const firstSyn = open.events.findIndex(e => e.type === 'segment');
		const shown = open.events.slice(0, firstSyn + 1);
		const fromServer = ladderLines(shown, {width: 80, relative: false, pending: {from: 'server'}});
		expect(fromServer[fromServer.length - 1]).toMatch(/^ +◀─+ \? ─$/);
		const fromClient = ladderLines(shown, {width: 80, relative: false, pending: {from: 'client'}});
		expect(fromClient[fromClient.length - 1]).toMatch(/^ +─ \? ─+▶$/);
		const unknown = ladderLines(shown, {width: 80, relative: false, pending: {}});
		expect(unknown[unknown.length - 1]).toMatch(/^ +┄+ \? ┄+$/);
		expect(fromServer).toHaveLength(ladderLines(shown, {width: 80, relative: false}).length + 1);
	});

	test('unknown draws a side\'s state as ? from its event on, without the changed-state colour', () => {
		const open = play(OPEN, FIXED);
		const lastAck = open.events.length - 1 - [...open.events].reverse().findIndex(e => e.type === 'segment');
		const lines = ladderLines(open.events, {width: 80, relative: false, color: true, unknown: {server: lastAck}});
		const bare = lines.map(l => l.replace(/\u001B\[[0-9;]*m/g, ''));
		expect(bare[bare.length - 1]).toMatch(/^ESTABLISHED +─ ACK .*▶ \?$/);
		expect(bare[bare.length - 2]).toMatch(/SYN-RECEIVED$/);
		expect(lines[lines.length - 1]).toContain('\u001B[1;36m?\u001B[0m');
		expect(lines[lines.length - 1]).not.toContain('\u001B[1;32m');
	});
});

describe('scrolling', () => {
	const t = play(FULL, FIXED);
	const all = ladderLines(t.events, {width: 80, relative: false});

	test('maxRows keeps the newest rows and says how many are above', () => {
		const few = ladderLines(t.events, {width: 80, relative: false, maxRows: 3});
		expect(few).toHaveLength(4);
		expect(few.slice(1)).toEqual(all.slice(-3));
		expect(few[0]).toContain(`↑ ${all.length - 1 - 3} earlier rows`);
	});

	test('with a pending segment the ? row counts as one of the rows', () => {
		const few = ladderLines(t.events, {width: 80, relative: false, maxRows: 3, pending: {from: 'client'}});
		expect(few).toHaveLength(4);
		expect(few[3]).toContain('?');
		expect(few.slice(1, 3)).toEqual(all.slice(-2));
	});

	test('without maxRows every row is drawn', () => {
		expect(all).toHaveLength(1 + ladderRows(t.events).length);
		expect(all[0]).not.toContain('earlier');
	});
});

describe('tcpdump letters and their legend', () => {
	const t = play(FULL, '', 42);
	test.each([
		['words only: no legend', 100, true, undefined, /^client +server$/],
		['words only, scrolled: the count alone', 60, true, 6, /^client +↑ 5 earlier rows +server$/],
		['P. and . drawn: both explained, the count shortened to make room', 44, true, 6, /^client ↑ 5 earlier · P=PSH \.=ACK +server$/],
		['F. and . drawn', 40, true, 6, /^client +↑ 5 · F=FIN \.=ACK +server$/],
		['no room for every letter: the count stays, then as many letters as fit', 30, true, 6, /^client ↑ 5 · F=FIN +server$/],
		['not scrolled: the legend alone', 40, true, undefined, /^client +F=FIN \.=ACK +server$/],
	])('%s (%i columns)', (_name, w, relative, maxRows, header) => {
		const lines = ladderLines(t.events, {width: w, relative, ...(maxRows === undefined ? {} : {maxRows})});
		expect(lines[0]).toMatch(header);
		expect(lines.length).toBe(1 + (maxRows ?? ladderRows(t.events).length)); // the legend takes no row
	});

	test('the letters are tcpdump\'s, in its order', () => {
		const data = t.events.find((e): e is SegmentEvent => e.type === 'segment' && e.len > 0)!;
		expect(segmentLabel(data, 6, true)).toBe('P.');
		expect(segmentLabel({...data, flags: ['ACK', 'FIN', 'PSH']}, 6, true)).toBe('FP.');
		expect(segmentLabel({...data, flags: ['ACK', 'FIN', 'PSH']}, 5, true)).toBe('FIN,PSH,ACK');
		expect(segmentLabel({...data, flags: ['RST'], len: 0}, 6, true)).toBe('R');
	});
});

describe('colour', () => {
	const t = play([...OPEN, 'drop: { from: client }', 'client: send 100'], FIXED);
	test('without colour there is no escape sequence; with it, the same text plus colours', () => {
		const bare = ladderLines(t.events, {width: 80, relative: false, color: false});
		const colored = ladderLines(t.events, {width: 80, relative: false, color: true, pending: {from: 'client'}});
		expect(bare.join('')).not.toContain('\u001B');
		expect(colored.join('')).toContain('\u001B[31m'); // the lost segment in red
		expect(colored.slice(0, -1).map(l => l.replace(/\u001B\[[0-9;]*m/g, ''))).toEqual(bare);
	});
});

describe('a trace read back from JSON (no snapshots) still gets states', () => {
	test('states come from the state events', () => {
		const t = play(OPEN, FIXED);
		const stripped = t.events.map(e => (e.type === 'segment' ? ({...e, after: undefined}) : e)) as TraceEvent[];
		const lines = ladderLines(stripped, {width: 80, relative: false});
		expect(rowWith(lines, 'SYN,ACK')).toMatch(/^ESTABLISHED .* SYN-RECEIVED$/);
	});
});

const STATE_END = new RegExp(` (server|\\?|${[...STATES, 'SYN-RECV', 'ESTAB'].join('|')})$`);

/** The server's column starts at the same place on every line (its header included), and arrowheads line up: no row is broken or shifted. */
function expectAligned(lines: readonly string[], w: number, pending: boolean): void {
	for (const l of lines) expect(width(l)).toBeLessThanOrEqual(w);
	if (w < 30) return;
	const rowLines = lines.map(l => l.replace(/\u001B\[[0-9;]*m/g, '')).slice(0, pending ? -1 : undefined);
	for (const l of rowLines) expect(l).toMatch(STATE_END);
	expect(new Set(rowLines.map(l => [...l].length - [...STATE_END.exec(l)![1]!].length)).size).toBe(1);
	const heads = (c: string) => new Set(lines.map(l => [...l.replace(/\u001B\[[0-9;]*m/g, '')].indexOf(c)).filter(i => i >= 0));
	expect(heads('▶').size).toBeLessThanOrEqual(1);
	expect(heads('◀').size).toBeLessThanOrEqual(1);
}

test('every kind of row keeps the columns at every width from 30 to 130', () => {
	const t = play([...OPEN, 'drop: { from: client }', 'client: send 100', 'wait: 1s', 'duplicate: { from: server }', 'server: send 50',
		'drop: { from: server }', 'server: send 10', 'wait: 1s', 'flood: 20', 'client: close', 'server: close', 'wait: 61s']);
	const kinds = new Set(ladderRows(t.events).map(r => (r.kind === 'segment' ? `${r.kind}:${r.seg.fate}:${r.seg.from}${r.retransmit ? ':rtx' : ''}` : r.kind)));
	expect([...kinds].sort()).toEqual(expect.arrayContaining(['flood', 'note', 'segment:delivered:client', 'segment:dropped:client',
		'segment:dropped:server', 'segment:duplicated:server', 'segment:delivered:client:rtx', 'state']));
	for (let w = 30; w <= 130; w++) {
		for (const relative of [false, true]) {
			expectAligned(ladderLines(t.events, {width: w, relative, time: true}), w, false);
			expectAligned(ladderLines(t.events, {width: w, relative, pending: {from: 'server'}, maxRows: 6}), w, true);
		}
	}
});

// Random scenarios from the simulator: every line fits, and the columns stay aligned.
const STEPS = [
	'client: send 100', 'server: send 200', 'client: send 3000', 'server: read', 'client: read', 'client: close', 'server: close',
	'client: shutdown', 'client: abort', 'server: abort', 'wait: 1s', 'wait: 61s', 'drop: { from: client }', 'drop: { from: server }',
	'duplicate: { from: client }', 'duplicate: { from: server }', 'delay: { from: client, by: 300ms }', 'reorder: { from: server }',
	'flood: 50', 'drop: { flags: [FIN] }',
];

test('no line is ever wider than the width, for random traces, widths and options', () => {
	fc.assert(fc.property(
		fc.array(fc.constantFrom(...STEPS), {maxLength: 10}), fc.integer({min: 0, max: 2 ** 32 - 1}), fc.integer({min: 10, max: 130}),
		fc.boolean(), fc.boolean(), fc.option(fc.integer({min: 0, max: 12})), fc.constantFrom(undefined, 'client', 'server'),
		(steps, seed, w, relative, time, maxRows, pendingFrom) => {
			let t: ReturnType<typeof play>;
			try {
				t = play([...OPEN, ...steps], '', seed);
			} catch {
				return fc.pre(false); // a scenario the simulator refuses is not the diagram's business (test/sim covers it)
			}
			const lines = ladderLines(t.events, {
				width: w, relative, time, color: seed % 2 === 0, ...(maxRows === null ? {} : {maxRows}),
				...(pendingFrom ? {pending: {from: pendingFrom as 'client' | 'server'}} : {}),
			});
			for (const l of lines) expect(width(l)).toBeLessThanOrEqual(w);
			if (maxRows !== null) expect(lines.length).toBeLessThanOrEqual(1 + Math.max(maxRows, pendingFrom ? 1 : 0));
			expectAligned(lines, w, pendingFrom !== undefined);
		},
	), {numRuns: 300});
});

describe('several connections in one diagram', () => {
	const names = (trace: ReturnType<typeof play>) => connectionNames(trace);

	test('a lesson\'s named clients label their arrows by name, as plain mode names them', () => {
		const trace = play(['server: listen', 'client A: connect', 'client B: connect'], FIXED);
		const lines = ladderLines(trace.events, {width: 100, relative: true, names: names(trace)});
		expect(lines.filter(l => /─ A SYN seq=0 ─+▶/.test(l))).toHaveLength(1);
		expect(lines.filter(l => /─ B SYN seq=0 ─+▶/.test(l))).toHaveLength(1);
		expect(lines.filter(l => /◀─+ B SYN,ACK /.test(l))).toHaveLength(1);
		expect(lines.join('\n')).not.toMatch(/#\d/);
	});

	test('unnamed connections by number; one connection unlabelled', () => {
		const again = play([...OPEN, 'client: abort', 'client: connect'], FIXED);
		const lines = ladderLines(again.events, {width: 100, relative: true, names: names(again)});
		expect(lines.some(l => /─ #1 SYN seq=0 ─/.test(l))).toBe(true);
		expect(lines.some(l => /─ #2 SYN seq=0 ─/.test(l))).toBe(true);
		const one = play(OPEN, FIXED);
		expect(ladderLines(one.events, {width: 100, relative: true, names: names(one)}).join('\n')).not.toMatch(/#1|─ [A-Z] SYN/);
	});
});
