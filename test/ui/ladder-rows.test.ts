// The ladder's rows in trace order: each row shows both endpoints as of its own moment, so the
// state column never runs backwards; `unknown` hides what the learner may not see yet.
import {readdirSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {loadLessonFile} from '../../src/lessons/load.js';
import type {State} from '../../src/sim/endpoint.js';
import {scenarioFromYaml} from '../../src/sim/load.js';
import {run} from '../../src/sim/run.js';
import type {Side} from '../../src/sim/segment.js';
import type {TraceEvent} from '../../src/sim/trace.js';
import {type LadderRow, type Unknown, ladderRows} from '../../src/ui/ladder-rows.js';

const play = (steps: readonly string[], seed = 1) =>
	run(scenarioFromYaml(`client: { isn: 1000 }\nserver: { isn: 5000 }\nsteps:\n${steps.map(s => `  - ${s}`).join('\n')}\n`), seed);
const OPEN = ['server: listen', 'client: connect'];
const SIDES: readonly Side[] = ['client', 'server'];

/** "SYN-SENT ─SYN▶ SYN-RECEIVED", "CLOSED | LISTEN (server listen)", "? · note CLOSED": one row, as a test reads it. */
function show(row: LadderRow): string {
	const [c, s] = SIDES.map(side => (row.hidden.includes(side) ? '?' : row.states[side]));
	switch (row.kind) {
		case 'segment': {
			const f = row.seg.flags.filter(x => x !== 'PSH').join(',');
			const arrow = row.seg.from === 'client' ? `─${f}${row.seg.fate === 'dropped' ? '✗' : '▶'}` : `${row.seg.fate === 'dropped' ? '✗' : '◀'}${f}─`;
			return `${c} ${arrow} ${s}${row.inFlight ? ' [in flight]' : ''}`;
		}
		case 'state': return `${c} | ${s} (${SIDES.flatMap(side => row.causes[side].map(x => `${side} ${x}`)).join(', ')})`;
		case 'note': return `${c} · ${row.note.note} ${s}`;
		case 'flood': return `${c} flood ${s}`;
	}
}
const rowsOf = (events: readonly TraceEvent[], unknown?: Unknown) => ladderRows(events, unknown ? {unknown} : {}).map(show);
/** A trace as read back from its JSON lines: no snapshots, no arrivals. */
const fromJson = (events: readonly TraceEvent[]) => events.map(e => (e.type === 'segment' ? {...e, after: undefined, arrived: undefined} : e)) as TraceEvent[];

describe('rows in trace order', () => {
	test.each([
		['the handshake: LISTEN on a row of its own, before the connect that the SYN row shows', OPEN, [
			'CLOSED | LISTEN (server listen)',
			'SYN-SENT ─SYN▶ SYN-RECEIVED',
			'ESTABLISHED ◀ACK,SYN─ SYN-RECEIVED',
			'ESTABLISHED ─ACK▶ ESTABLISHED',
		]],
		['a three-segment close: TIME-WAIT once, after FIN-WAIT-1, never above FIN-WAIT-2', [...OPEN, 'client: send 100', 'server: read', 'client: close', 'server: close'], [
			'CLOSED | LISTEN (server listen)',
			'SYN-SENT ─SYN▶ SYN-RECEIVED',
			'ESTABLISHED ◀ACK,SYN─ SYN-RECEIVED',
			'ESTABLISHED ─ACK▶ ESTABLISHED',
			'ESTABLISHED ─ACK▶ ESTABLISHED',
			'ESTABLISHED ◀ACK─ ESTABLISHED',
			'FIN-WAIT-1 ─ACK,FIN▶ CLOSE-WAIT',
			'TIME-WAIT ◀ACK,FIN─ LAST-ACK',
			'TIME-WAIT ─ACK▶ CLOSED',
		]],
		['simultaneous open: each side in SYN-SENT before SYN-RECEIVED; crossing segments are in flight', ['together: [ { client: connect }, { server: connect } ]'], [
			'SYN-SENT ─SYN▶ CLOSED [in flight]',
			'SYN-SENT ◀SYN─ SYN-SENT [in flight]',
			'SYN-SENT ◀ACK,SYN─ SYN-RECEIVED [in flight]',
			'SYN-RECEIVED ─ACK,SYN▶ SYN-RECEIVED [in flight]',
			'ESTABLISHED ─ACK▶ SYN-RECEIVED [in flight]',
			'ESTABLISHED ◀ACK─ ESTABLISHED',
		]],
		['simultaneous close: TIME-WAIT on a row of its own before the timer closes both', [...OPEN, 'together: [ { client: close }, { server: close } ]', 'wait: 61s'], [
			'CLOSED | LISTEN (server listen)',
			'SYN-SENT ─SYN▶ SYN-RECEIVED',
			'ESTABLISHED ◀ACK,SYN─ SYN-RECEIVED',
			'ESTABLISHED ─ACK▶ ESTABLISHED',
			'FIN-WAIT-1 ─ACK,FIN▶ ESTABLISHED [in flight]',
			'FIN-WAIT-1 ◀ACK,FIN─ FIN-WAIT-1 [in flight]',
			'FIN-WAIT-1 ◀ACK─ CLOSING [in flight]',
			'CLOSING ─ACK▶ CLOSING [in flight]',
			'TIME-WAIT | TIME-WAIT (client recv ACK of FIN, server recv ACK of FIN)',
			'CLOSED | CLOSED (client timer time-wait, server timer time-wait)',
		]],
		['a closed port: the SYN, the drop, then the RST it causes', ['client: connect'], [
			'SYN-SENT ─SYN▶ CLOSED',
			'SYN-SENT · segment dropped: no connection CLOSED',
			'CLOSED ◀ACK,RST─ CLOSED',
		]],
		['abort: the RST leaves from CLOSED; the peer closes on it', [...OPEN, 'client: abort'], [
			'CLOSED | LISTEN (server listen)',
			'SYN-SENT ─SYN▶ SYN-RECEIVED',
			'ESTABLISHED ◀ACK,SYN─ SYN-RECEIVED',
			'ESTABLISHED ─ACK▶ ESTABLISHED',
			'CLOSED ─ACK,RST▶ CLOSED',
		]],
		['a receiver\'s own changes before a segment arrives get rows (crash, listen), not the arrowhead', [...OPEN, 'server: crash', 'server: listen', 'client: send 10'], [
			'CLOSED | LISTEN (server listen)',
			'SYN-SENT ─SYN▶ SYN-RECEIVED',
			'ESTABLISHED ◀ACK,SYN─ SYN-RECEIVED',
			'ESTABLISHED ─ACK▶ ESTABLISHED',
			'ESTABLISHED | CLOSED (server crash)',
			'ESTABLISHED | LISTEN (server listen)',
			'ESTABLISHED ─ACK▶ LISTEN',
			'CLOSED ◀RST─ LISTEN',
		]],
		['a lost segment changes nothing; its retransmission does', [...OPEN, 'drop: { from: client, flags: [FIN] }', 'client: close', 'wait: 1s'], [
			'CLOSED | LISTEN (server listen)',
			'SYN-SENT ─SYN▶ SYN-RECEIVED',
			'ESTABLISHED ◀ACK,SYN─ SYN-RECEIVED',
			'ESTABLISHED ─ACK▶ ESTABLISHED',
			'FIN-WAIT-1 ─ACK,FIN✗ ESTABLISHED',
			'FIN-WAIT-1 ─ACK,FIN▶ CLOSE-WAIT',
			'FIN-WAIT-2 ◀ACK─ CLOSE-WAIT',
		]],
	])('%s', (_name, steps, expected) => {
		expect(rowsOf(play(steps).events)).toEqual(expected);
	});

	test('a trace read back from JSON (no snapshots, no arrivals) gets the same rows when nothing crosses', () => {
		const events = play([...OPEN, 'client: send 100', 'server: read', 'client: close', 'server: close', 'wait: 61s']).events;
		expect(rowsOf(fromJson(events))).toEqual(rowsOf(events));
	});

	test('every row carries the index of the event it was made from, in increasing order', () => {
		const events = play([...OPEN, 'client: close', 'server: close', 'wait: 61s']).events;
		const rows = ladderRows(events);
		expect(rows.map(r => events[r.at]!.type)).toEqual(rows.map(r => r.kind));
		expect(rows.map(r => r.at)).toEqual([...rows.map(r => r.at)].sort((a, b) => a - b));
	});
});

describe('unknown: from this index on, a side\'s state is not known to the learner', () => {
	const events = play([...OPEN, 'client: close', 'wait: 1s', 'server: close', 'wait: 61s']).events;
	const index = (pred: (e: TraceEvent) => boolean) => events.findIndex(pred);
	const fin = index(e => e.type === 'segment' && e.flags.includes('FIN'));
	const closeWait = index(e => e.type === 'state' && e.to === 'CLOSE-WAIT');
	const timeWaitEnds = index(e => e.type === 'state' && e.from === 'TIME-WAIT');
	const all = rowsOf(events);
	const serverHidden = [
		...all.slice(0, 4),
		'FIN-WAIT-1 ─ACK,FIN▶ ?',
		'FIN-WAIT-2 ◀ACK─ ?',
		'TIME-WAIT ◀ACK,FIN─ ?',
		'TIME-WAIT ─ACK▶ ?',
		'CLOSED | ? (client timer time-wait)',
	];

	test.each([
		['nothing unknown: every state drawn', {}, all],
		['from the FIN on, the server is ?: rows before it unchanged', {server: fin}, serverHidden],
		['from the server\'s change inside the FIN row\'s moment: that cell is ? too (no CLOSE-WAIT at the arrowhead)', {server: closeWait}, serverHidden],
		['a row made only to show a hidden change is not made', {client: timeWaitEnds}, all.slice(0, -1)],
	])('%s', (_name, unknown, expected) => {
		expect(rowsOf(events, unknown)).toEqual(expected);
	});

	test('a view that leaves the hidden side\'s events out (as the engine does) gets the same rows, given their indexes', () => {
		const full = play([...OPEN, 'client: send 100', 'server: read', 'client: close']).events;
		const from = full.findIndex(e => e.type === 'call' && e.call === 'connect');
		const kept = full.map((e, i) => ({e, i})).filter(({e, i}) => !(i >= from && (e.type === 'state' || e.type === 'timer') && e.endpoint === 'server'));
		const view = {unknown: {server: kept.findIndex(k => k.i >= from)}, indexes: kept.map(k => k.i)};
		const shown = ladderRows(kept.map(k => k.e), view).map(show);
		expect(shown).toEqual(rowsOf(full, {server: from}));
		expect(shown.join('\n')).not.toContain('in flight');
		expect(ladderRows(kept.map(k => k.e), {unknown: view.unknown}).map(show)).not.toEqual(shown); // without them, arrivals are misplaced
	});

	test('a hidden side\'s causes are not drawn on a row the other side needs', () => {
		const both = play([...OPEN, 'together: [ { client: close }, { server: close } ]', 'wait: 61s']).events;
		const at = both.findIndex(e => e.type === 'state' && e.to === 'TIME-WAIT' && e.endpoint === 'server');
		expect(rowsOf(both, {server: at}).slice(-2)).toEqual(['TIME-WAIT | ? (client recv ACK of FIN)', 'CLOSED | ? (client timer time-wait)']);
	});
});

/** Each side's changes in trace order: the states a row may show, and from which event on. */
function changesOf(events: readonly TraceEvent[], side: Side): {at: number; to: State}[] {
	return [{at: -1, to: 'CLOSED'}, ...events.flatMap((e, at) => (e.type === 'state' && e.endpoint === side ? [{at, to: e.to}] : []))];
}

/**
 * The state column reads forward: a side's state on a row is its state on the row above or one reached by
 * the changes since, never one it had left (no state reappears out of order), and never one reached only
 * after the next row's event. Returns the rows that break it, as "row n: side STATE".
 */
function backwards(events: readonly TraceEvent[], rows: readonly LadderRow[]): string[] {
	const bad: string[] = [];
	for (const side of SIDES) {
		const changes = changesOf(events, side);
		let p = 0;
		rows.forEach((row, n) => {
			if (row.hidden.includes(side)) return;
			const limit = rows[n + 1]?.at ?? events.length;
			let q = p;
			while (q < changes.length && changes[q]!.to !== row.states[side]) q++;
			if (q >= changes.length || changes[q]!.at >= limit) bad.push(`row ${n}: ${side} ${row.states[side]}`);
			else p = q;
		});
	}
	return bad;
}

describe('every shipped lesson reads forward in time', () => {
	const dir = new URL('../../lessons/', import.meta.url);
	const lessons = readdirSync(dir).filter(f => f.endsWith('.yaml')).sort().map(f => loadLessonFile(new URL(f, dir).pathname));

	test('the checker catches a state column that runs backwards', () => {
		const events = play([...OPEN, 'client: close', 'server: close']).events;
		const rows = ladderRows(events);
		const swapped = rows.map((r, n) => (n === rows.length - 2 ? {...r, states: {...r.states, client: 'FIN-WAIT-2' as State}} : r));
		expect(backwards(events, rows)).toEqual([]);
		expect(backwards(events, [...swapped.slice(0, -2), rows.at(-1)!, swapped.at(-2)!])).not.toEqual([]);
	});

	test.each(lessons.map(l => [l.id, l] as const))('%s, 40 seeds, the whole trace and every prefix of it', (_id, lesson) => {
		for (let seed = 1; seed <= 40; seed++) {
			const events = run(lesson.scenario, seed).events;
			const rows = ladderRows(events);
			expect(backwards(events, rows), `seed ${seed}`).toEqual([]);
			// Cause, then effect: a note on an arriving segment (dropped, SYN cookie) comes after a row of a segment to that
			// endpoint at the same instant (not always right below it: timers due together all run before the segments
			// they send arrive, and an arrival's state change may get its own row).
			rows.forEach((r, n) => {
				if (r.kind !== 'note') return;
				const sameInstant = rows.slice(0, n).filter(x => x.t === r.t);
				expect(sameInstant.some(x => x.kind === 'segment' && x.seg.to === r.note.endpoint), `seed ${seed}, ${r.note.note}`).toBe(true);
			});
			if (seed > 3) continue;
			for (let n = 1; n < events.length; n++) expect(backwards(events.slice(0, n), ladderRows(events.slice(0, n))), `seed ${seed}, ${n} events`).toEqual([]);
		}
	});
});
