// What the sending side did to put a captured segment on the wire, told to its TCB: the answer the
// simulator already predicted, or the application call the segment implies (a SYN is connect(), a
// FIN close() or shutdown(), an RST that answers nothing an abort), or a timer's retransmission.
import {finQueued, sendAck, sendNew, setState} from '../sim/endpoint.js';
import {peerOf} from '../sim/segment.js';
import {seqAdd, seqDiff, seqGt, seqLe, seqLt} from '../sim/seq.js';
import {fireTimer} from '../sim/timers.js';
import {type Model, call, ctxOf, deliver, note} from './model.js';
import type {Observation} from './observation.js';

const SYNCHRONIZED = new Set(['SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT']);

/** Tell the sender's TCB that it sent `o`; notes say what the segment is. */
export function sent(m: Model, o: Observation): void {
	const side = o.from;
	const a = m.tcb[side];
	const s = o.seg;
	const predicted = m.predicted[side];
	m.predicted[side] = []; // whatever it sends now replaces what was predicted
	const match = predicted.find(p => p.ctl === s.ctl && (s.ctl === 'RST' || (p.seq === s.seq && p.len === s.len && (p.ack === null) === (s.ack === null))));
	if (match) return answered(m, o);
	if (s.ctl === 'SYN') return sentSyn(m, o);
	if (s.ctl === 'RST') return sentRst(m, o);
	if (!SYNCHRONIZED.has(a.state)) {
		note(m, side, `${a.state} cannot send this: the capture missed what came before`);
		return;
	}
	const end = seqAdd(s.seq, s.len);
	if (s.len > 0 || s.ctl === 'FIN') {
		if (seqGt(s.seq, a.sndNxt)) {
			note(m, side, 'previous segment not captured');
			sendNew(a, null, seqDiff(s.seq, a.sndNxt), true, ctxOf(m, side, false));
		}
		if (seqLt(s.seq, a.sndNxt) && (seqLe(end, a.sndNxt) || (s.ctl === 'FIN' && finQueued(a)))) return resent(m, o);
		if (seqGt(end, a.sndNxt)) sendNew(a, null, seqDiff(end, a.sndNxt), true, ctxOf(m, side, false), s.psh !== false);
		if (s.ctl === 'FIN') return sentFin(m, o);
		if (m.tcb[peerOf(side)].peerFin && !m.told.has('half-close')) {
			m.told.add('half-close');
			note(m, side, 'half-close: data after the peer\'s FIN (it shut down only its sending side)', 'half-close');
		}
		return;
	}
	// A pure ACK: a keepalive probe (one below SND.UNA), the delayed ACK that was due, or an ACK sent now.
	if (s.seq === seqAdd(a.sndUna, -1) && a.state !== 'SYN-RECEIVED') {
		m.probes[side]++;
		note(m, side, 'keepalive probe (one byte below SND.UNA: the peer must answer)', 'dead-peer');
		return;
	}
	const peer = peerOf(side);
	if (m.probes[peer] > 0) {
		m.probes[peer] = 0;
		note(m, side, 'answers the keepalive probe: the peer is alive', 'dead-peer');
	}
	if (a.timers['delayed-ack'] !== undefined) fireTimer(a, 'delayed-ack', ctxOf(m, side, false));
	else sendAck(a, ctxOf(m, side, false));
}

/** The simulator predicted this segment: an answer to what arrived (or a delayed ACK). */
function answered(m: Model, o: Observation): void {
	if (o.seg.ctl !== 'RST') return;
	const state = m.tcb[o.from].state;
	note(m, o.from, state === 'CLOSED' || state === 'LISTEN' ? 'RST: no socket for this segment (a closed port, or a host that lost the connection)'
		: 'RST: the answer to a segment this side could not accept', 'rst');
}

function sentSyn(m: Model, o: Observation): void {
	const side = o.from;
	const a = m.tcb[side];
	const s = o.seg;
	if (s.ack === null) {
		if (a.state === 'CLOSED') {
			a.nextIsn = [s.seq];
			call(m, side, {name: 'connect'});
			note(m, side, 'SYN: connect() opens the three-way handshake', 'handshake-numbers');
		} else if (a.state === 'SYN-SENT' && s.seq === a.iss) {
			note(m, side, 'retransmission: the SYN again (no SYN-ACK came back)', 'lost-handshake');
		} else {
			note(m, side, 'a SYN on a synchronized connection (an old duplicate or a spoofed one)', 'why-three-handshakes');
		}
		return;
	}
	if (a.state === 'SYN-RECEIVED' && s.seq === a.iss) {
		note(m, side, 'retransmission: the SYN-ACK again (its ACK did not arrive)', 'lost-handshake');
		return;
	}
	const renewed = a.state === 'SYN-RECEIVED' && a.passive;
	if (renewed) {
		// Another ISN: the request ran out of SYN-ACK retries and was dropped; a SYN sent again made a new one.
		setState(a, 'LISTEN', 'timer retransmit: gave up', ctxOf(m, side, false));
		note(m, side, 'a new SYN-ACK with a new ISN: the old request ran out of retries (tcp_synack_retries) and a new SYN made a new one', 'lost-handshake');
	}
	if (a.state === 'CLOSED' || a.state === 'LISTEN') {
		// The SYN it answers was not captured: take it as arrived.
		if (a.state === 'CLOSED') call(m, side, {name: 'listen'});
		a.nextIsn = [s.seq];
		if (!renewed) note(m, side, 'SYN-ACK to a SYN the capture did not show');
		deliver(m, side, {seq: seqAdd(s.ack!, -1), ack: null, ctl: 'SYN', len: 0, win: s.win});
		m.predicted[side] = []; // its answer is this very SYN-ACK
		return;
	}
	note(m, side, 'a SYN-ACK the simulator did not expect here');
}

function sentRst(m: Model, o: Observation): void {
	const side = o.from;
	const a = m.tcb[side];
	if (!SYNCHRONIZED.has(a.state) && a.state !== 'SYN-SENT') {
		note(m, side, 'RST: for a connection this side no longer has', 'rst');
		return;
	}
	let what: string;
	if (m.probes[side] > 0) what = 'RST: the keepalive probes went unanswered; the connection is given up (ETIMEDOUT)';
	else if (o.seg.ack === null) what = 'RST without ACK: this host has no such connection any more (it restarted, or the socket is gone)';
	else if (a.unread > 0 && !finQueued(a)) what = 'RST: closed with unread data (or SO_LINGER 0): no FIN, no TIME-WAIT';
	else if (finQueued(a)) what = 'RST: data arrived after close(), or an abort after the FIN';
	else what = 'RST: an abort (SO_LINGER 0, or a killed process with data unread): no FIN, no TIME-WAIT';
	call(m, side, {name: 'abort'});
	if (a.state !== 'CLOSED') setState(a, 'CLOSED', 'sent RST', ctxOf(m, side, false));
	note(m, side, what, m.probes[side] > 0 ? 'dead-peer' : 'rst');
}

/** The same sequence space again: a retransmission (which one Wireshark would call it). */
function resent(m: Model, o: Observation): void {
	const a = m.tcb[o.from];
	const end = seqAdd(o.seg.seq, o.seg.len + (o.seg.ctl === 'FIN' ? 1 : 0));
	const acked = seqLe(end, a.sndUna);
	const what = o.seg.ctl === 'FIN' ? 'the FIN' : `${o.seg.len} bytes of data`;
	const lesson = o.seg.ctl === 'FIN' ? (a.state === 'LAST-ACK' ? 'lost-last-ack' : 'lost-close') : 'dead-peer';
	note(m, o.from, acked ? `spurious retransmission: ${what} again, already acknowledged` : `retransmission: ${what} again (no ACK came back in time)`, lesson);
}

function sentFin(m: Model, o: Observation): void {
	const side = o.from;
	const a = m.tcb[side];
	const owedAck = a.peerFin && a.lastAckSent !== a.rcvNxt; // the peer's FIN is not yet acknowledged
	if (a.unread > 0) call(m, side, {name: 'read'}); // it read what arrived, or its close would have sent RST
	const before = a.state;
	call(m, side, {name: 'shutdown'});
	if (before === 'CLOSE-WAIT') {
		if (owedAck) note(m, side, 'three-segment close: the ACK of the peer\'s FIN rides on this FIN (Linux delayed it)', 'three-segment-close');
		else note(m, side, 'FIN: the second close; the peer\'s FIN was ACKed on its own (a four-segment close)', 'four-way-close');
	} else if (before === 'ESTABLISHED') {
		note(m, side, `FIN: the ${side} closes first (close() or shutdown()): it will end in TIME-WAIT`, 'four-way-close');
	}
}
