// The passive observer: one connection's captured segments, in order, told to the simulator. For each
// segment the sender's TCB learns what it did (sender.ts), the segment is drawn, and unless the
// capture shows it was lost (judge.ts) the receiver's TCB gets it through the simulator's receive().
import {type Tcb} from '../sim/endpoint.js';
import {receive} from '../sim/receive.js';
import {PROFILES} from '../sim/profiles.js';
import {type Side, peerOf} from '../sim/segment.js';
import {seqAdd, seqRelative} from '../sim/seq.js';
import {secondsOf} from '../sim/trace.js';
import type {ExplainEvent} from './events.js';
import {type Lost, judgeLosses, nextFrom} from './judge.js';
import {type Model, SYSCTLS, advance, call, deliver, note} from './model.js';
import {arrivalNotes, endNotes} from './notes.js';
import type {Observation} from './observation.js';
import {sent} from './sender.js';

const SYNC_STATES: readonly Tcb['state'][] = ['CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED'];

/** Feed `obs[0..upto)` to the model (the rest is only read ahead); returns the events they made. */
export function observe(m: Model, obs: readonly Observation[], upto = obs.length): ExplainEvent[] {
	const from = m.events.length;
	const lost = judgeLosses(obs);
	for (let i = 0; i < upto; i++) {
		const o = obs[i]!;
		advance(m, o.t);
		if (m.nextId === 1 && o.seg.ctl !== 'SYN') midConnection(m, o);
		setBases(m, o);
		listenerFor(m, obs, i);
		// What the sender did comes first (its state changes read as the cause); its notes follow the segment.
		const mark = m.events.length;
		sent(m, o);
		const notes = m.events.splice(mark).filter(e => {
			if (e.type === 'note') return true;
			m.events.push(e);
			return false;
		});
		const verdict = lost[i] ?? (o.seg.ctl === 'RST' ? ignoredReset(m, obs, i) : undefined);
		m.events.push(segmentEvent(m, o, verdict !== undefined));
		m.events.push(...notes);
		if (o.odd) note(m, o.from, `odd flags ${o.flags.join(',')}: read as ${o.seg.ctl ?? 'none'}`);
		if (verdict) lostNote(m, o, verdict, obs);
		else arrive(m, obs, i);
	}
	return m.events.slice(from);
}

/** The capture starts after the handshake: both sides are taken as ESTABLISHED at the numbers seen. */
function midConnection(m: Model, o: Observation): void {
	const a = m.tcb[o.from];
	const b = m.tcb[peerOf(o.from)];
	const s = o.seg;
	const ack = s.ack ?? 0;
	for (const [tcb, snd, rcv] of [[a, s.seq, ack], [b, ack, s.seq]] as const) {
		Object.assign(tcb, {iss: seqAdd(snd, -1), sndUna: snd, sndNxt: snd, irs: seqAdd(rcv, -1), rcvNxt: rcv, rtoUs: PROFILES.linux.rtoEstablishedUs});
		tcb.state = 'ESTABLISHED';
		m.events.push({type: 'state', t: secondsOf(o.t), endpoint: tcb.side, conn: m.conn, from: 'CLOSED', to: 'ESTABLISHED', cause: 'before the capture'});
	}
	note(m, 'client', 'the capture starts mid-connection: both sides taken as ESTABLISHED; the higher port is named client');
}

function setBases(m: Model, o: Observation): void {
	const s = o.seg;
	// A side's first SYN sets its base; a later ISN on the same connection (a new request) keeps it, as Wireshark does.
	if (s.ctl === 'SYN' && (m.base[o.from] === undefined || m.tcb[o.from].state === 'CLOSED') && SYNC_STATES.includes(m.tcb[o.from].state)) m.base[o.from] = s.seq;
}

function rel(m: Model, side: Side, n: number): number {
	const base = m.base[side];
	return base === undefined ? n : seqRelative(n, base);
}

function segmentEvent(m: Model, o: Observation, lost: boolean): ExplainEvent {
	const s = o.seg;
	const to = peerOf(o.from);
	return {
		type: 'segment', t: secondsOf(o.t), from: o.from, to, conn: m.conn, flags: o.flags, seq: s.seq, ack: s.ack, len: s.len, win: s.win,
		fate: lost ? 'dropped' : 'delivered', rel: {seq: rel(m, o.from, s.seq), ack: s.ack === null ? null : rel(m, to, s.ack)}, id: m.nextId++,
	};
}

/** An RST the receiver would accept, after which the receiver still sends on the connection: it never arrived. */
function ignoredReset(m: Model, obs: readonly Observation[], i: number): Lost | undefined {
	const to = peerOf(obs[i]!.from);
	const b = m.tcb[to];
	if (b.state === 'CLOSED') return undefined;
	const trial = structuredClone(b);
	receive(trial, obs[i]!.seg, {now: m.now, profile: PROFILES.linux, sysctls: SYSCTLS, emit: () => {}});
	const next = nextFrom(obs, i, to);
	if (trial.state === 'CLOSED' && next && next.seg.ctl !== 'RST' && next.seg.ctl !== 'SYN') return {index: i, why: `${to} went on as if it never arrived`};
	return undefined;
}

function lostNote(m: Model, o: Observation, v: Lost, obs: readonly Observation[]): void {
	const again = v.again === undefined ? '' : ` (sent again at ${secondsOf(obs[v.again]!.t).toFixed(3)} s)`;
	const receiver = m.tcb[peerOf(o.from)].state;
	const lesson = o.seg.ctl === 'SYN' ? (o.seg.ack === null || v.why !== 'never answered' ? 'lost-handshake' : 'syn-flood')
		: receiver === 'LAST-ACK' ? 'lost-last-ack' : receiver === 'SYN-RECEIVED' ? 'lost-handshake'
			: o.seg.ctl === 'FIN' || (o.seg.len === 0 && o.seg.ctl === null) ? 'lost-close' : undefined;
	note(m, o.from, `lost: ${v.why}${again}`, lesson);
}

/** A listener is assumed only where the capture shows its SYN-ACK to this SYN (its ISN is read from it). */
function listenerFor(m: Model, obs: readonly Observation[], i: number): void {
	const o = obs[i]!;
	const side = peerOf(o.from);
	if (m.tcb[side].state !== 'CLOSED' || o.seg.ctl !== 'SYN' || o.seg.ack !== null || m.base[side] !== undefined) return;
	const answer = nextFrom(obs, i, side);
	if (answer?.seg.ctl === 'SYN' && answer.seg.ack === seqAdd(o.seg.seq, 1)) {
		m.tcb[side].nextIsn = [answer.seg.seq];
		call(m, side, {name: 'listen'});
	}
}

function arrive(m: Model, obs: readonly Observation[], i: number): void {
	const o = obs[i]!;
	const side = peerOf(o.from);
	const b = m.tcb[side];
	if (b.state === 'CLOSED' && o.seg.ctl === 'SYN' && o.seg.ack !== null && m.base[side] === undefined) {
		b.nextIsn = [seqAdd(o.seg.ack, -1)]; // the SYN this answers was not captured
		call(m, side, {name: 'connect'});
		m.base[side] = b.iss;
	}
	const before = b.state;
	deliver(m, side, o.seg);
	arrivalNotes(m, o, before);
}

export {endNotes};
