// SEGMENT ARRIVES (RFC 9293 3.10.7), with Linux's choices where the RFC leaves room.
// First decide whether the segment is acceptable, then apply the transition (smoltcp's process()).
import {armFinWait2} from './calls.js';
import {
	type Ctx, type Tcb, finAcked, flush, sendAck, setState, setTimer, stopTimer, transmit,
} from './endpoint.js';
import {onClosed, onListen} from './listen.js';
import {type Segment, seqLength} from './segment.js';
import {seqAdd, seqGt, seqInWindow, seqLe, seqLt} from './seq.js';

export function receive(tcb: Tcb, seg: Segment, ctx: Ctx): void {
	switch (tcb.state) {
		case 'CLOSED': return onClosed(seg, ctx);
		case 'LISTEN': return onListen(tcb, seg, ctx);
		case 'SYN-SENT': return onSynSent(tcb, seg, ctx);
		case 'TIME-WAIT': return onTimeWait(tcb, seg, ctx);
		default: return onSynchronized(tcb, seg, ctx);
	}
}

// RFC 9293 3.10.7.3: SYN-SENT
function onSynSent(tcb: Tcb, seg: Segment, ctx: Ctx): void {
	const ackOk = seg.ack !== null && seqLt(tcb.iss, seg.ack) && seqLe(seg.ack, tcb.sndNxt);
	if (seg.ack !== null && !ackOk) {
		// first: SEG.ACK =< ISS or SEG.ACK > SND.NXT → <SEQ=SEG.ACK><CTL=RST> (an old duplicate SYN,ACK)
		if (seg.ctl !== 'RST') ctx.emit({kind: 'send', seg: {seq: seg.ack, ack: null, ctl: 'RST', len: 0, win: 0}});
		return;
	}
	if (seg.ctl === 'RST') {
		// second: an RST that acknowledges our SYN refuses the connection; without ACK it is dropped
		if (ackOk) {
			tcb.error = 'ECONNREFUSED';
			setState(tcb, 'CLOSED', 'recv RST', ctx);
		}
		return;
	}
	if (seg.ctl !== 'SYN') return; // fifth: neither SYN nor RST → drop
	// fourth: SYN → RCV.NXT=SEG.SEQ+1, IRS=SEG.SEQ
	tcb.irs = seg.seq;
	tcb.rcvNxt = seqAdd(seg.seq, 1);
	tcb.sndWnd = seg.win;
	if (ackOk) {
		// our SYN has been ACKed: enter ESTABLISHED and send <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
		tcb.sndUna = seg.ack ?? tcb.sndUna;
		ackRetransmitQueue(tcb, ctx);
		setState(tcb, 'ESTABLISHED', 'recv SYN,ACK', ctx);
		sendAck(tcb, ctx);
		flush(tcb, ctx);
		return;
	}
	// simultaneous open: enter SYN-RECEIVED and send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>
	setState(tcb, 'SYN-RECEIVED', 'recv SYN', ctx);
	transmit(tcb, {seq: tcb.iss, ack: tcb.rcvNxt, ctl: 'SYN', len: 0, win: tcb.rcvWnd}, ctx);
}

/** RFC 9293 3.10.7.4 first check: the segment overlaps the receive window. */
export function acceptable(tcb: Tcb, seg: Segment): boolean {
	const len = seqLength(seg);
	const end = seqAdd(tcb.rcvNxt, tcb.rcvWnd);
	if (len === 0) return tcb.rcvWnd === 0 ? seg.seq === tcb.rcvNxt : seqInWindow(seg.seq, tcb.rcvNxt, end);
	if (tcb.rcvWnd === 0) return false;
	return seqInWindow(seg.seq, tcb.rcvNxt, end) || seqInWindow(seqAdd(seg.seq, len - 1), tcb.rcvNxt, end);
}

// RFC 9293 3.10.7.4: SYN-RECEIVED and the synchronized states (TIME-WAIT apart)
function onSynchronized(tcb: Tcb, seg: Segment, ctx: Ctx): void {
	if (tcb.state === 'SYN-RECEIVED') {
		// Linux tcp_check_req: a retransmitted SYN is answered with the SYN-ACK again (inet_rtx_syn_ack), and the request's
		// timer starts its current timeout over (mod_timer_pending with reqsk_timeout): no back-off, no retry counted.
		if (seg.ctl === 'SYN' && seg.ack === null && seg.seq === tcb.irs) {
			retransmitHead(tcb, ctx);
			if (tcb.passive && tcb.timers.retransmit !== undefined) setTimer(tcb, 'retransmit', tcb.rtoUs, ctx);
			return;
		}
		// Linux tcp_validate_incoming: in a simultaneous open the peer's SYN,ACK that ACKs our SYN passes.
		if (!tcb.passive && seg.ctl === 'SYN' && seg.ack === tcb.sndNxt && seqAdd(seg.seq, 1) === tcb.rcvNxt) {
			establish(tcb, seg, ctx, 'recv SYN,ACK');
			sendAck(tcb, ctx); // Linux tcp_data_queue: the SYN is old data by now → immediate ACK
			return flush(tcb, ctx);
		}
	}
	if (!acceptable(tcb, seg)) {
		// first: not acceptable → <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> unless RST
		// Wireshark calls a segment that is wholly before RCV.NXT a retransmission of what already arrived: say so.
		const old = seqLe(seqAdd(seg.seq, seqLength(seg)), tcb.rcvNxt) && seqLength(seg) > 0;
		ctx.emit({kind: 'drop', reason: old ? 'a copy of what already arrived (ACKed again)' : 'outside the receive window'});
		if (seg.ctl !== 'RST') sendAck(tcb, ctx);
		return;
	}
	if (seg.ctl === 'RST') {
		// second, with RFC 5961 3.2: reset only on SEG.SEQ = RCV.NXT, else a challenge ACK
		if (seg.seq !== tcb.rcvNxt) return sendAck(tcb, ctx);
		return onReset(tcb, ctx);
	}
	// fourth, with RFC 5961 4.2: a SYN in a synchronized state gets a challenge ACK
	if (seg.ctl === 'SYN') return sendAck(tcb, ctx);
	if (seg.ack === null) return; // fifth: ACK off → drop
	const opened = tcb.state === 'SYN-RECEIVED';
	if (opened) {
		// SND.UNA < SEG.ACK =< SND.NXT → ESTABLISHED; otherwise <SEQ=SEG.ACK><CTL=RST>
		if (!(seqLt(tcb.sndUna, seg.ack) && seqLe(seg.ack, tcb.sndNxt))) {
			ctx.emit({kind: 'send', seg: {seq: seg.ack, ack: null, ctl: 'RST', len: 0, win: 0}});
			return;
		}
		if (tcb.passive && ctx.listener?.acceptQueueFull()) return acceptQueueOverflow(tcb, seg, ctx);
		establish(tcb, seg, ctx, 'recv ACK');
	}
	if (seqGt(seg.ack, tcb.sndNxt)) return sendAck(tcb, ctx); // ACKs something not yet sent → ACK, drop
	if (seqGt(seg.ack, tcb.sndUna)) {
		tcb.sndUna = seg.ack;
		ackRetransmitQueue(tcb, ctx);
	} else if (seg.sack && seg.ack === tcb.sndUna && seg.len === 0 && seg.ctl === null) {
		sackShowsLoss(tcb, ctx);
	}
	tcb.sndWnd = seg.win;
	if (finAcked(tcb)) {
		if (tcb.state === 'FIN-WAIT-1') {
			setState(tcb, 'FIN-WAIT-2', 'recv ACK of FIN', ctx); // our FIN is acknowledged
			if (tcb.orphan) armFinWait2(tcb, ctx);
		} else if (tcb.state === 'CLOSING') {
			return enterTimeWait(tcb, 'recv ACK of FIN', ctx);
		} else if (tcb.state === 'LAST-ACK') {
			return setState(tcb, 'CLOSED', 'recv ACK of FIN', ctx);
		}
	}
	if (seg.len > 0 || seg.ctl === 'FIN') processText(tcb, seg, ctx);
	// RFC 9293 3.10.7.4 "enter ESTABLISHED and continue processing": data queued in SYN-RECEIVED leaves after this segment, ACKing all of it.
	if (opened) flush(tcb, ctx);
}

/**
 * Linux tcp_check_req, listen_overflow: the handshake's last ACK finds the accept queue full. With
 * tcp_abort_on_overflow=0 the ACK is ignored (the request stays, its SYN-ACK timer resends the
 * SYN-ACK and the client's next ACK may find room); with 1 the request is dropped with an RST.
 */
function acceptQueueOverflow(tcb: Tcb, seg: Segment, ctx: Ctx): void {
	if (!ctx.sysctls.abortOnOverflow) return ctx.emit({kind: 'drop', reason: 'accept queue full (ACK ignored)'});
	ctx.emit({kind: 'drop', reason: 'accept queue full (tcp_abort_on_overflow: reset)'});
	tcb.orphan = true; // nobody will accept it: it does not return to LISTEN
	setState(tcb, 'CLOSED', 'accept queue full', ctx);
	ctx.emit({kind: 'send', seg: {seq: seg.ack ?? 0, ack: null, ctl: 'RST', len: 0, win: 0}}); // embryonic_reset: tcp_v4_send_reset
}

function establish(tcb: Tcb, seg: Segment, ctx: Ctx, cause: string): void {
	tcb.sndUna = seg.ack ?? tcb.sndUna;
	tcb.sndWnd = seg.win;
	ackRetransmitQueue(tcb, ctx);
	setState(tcb, 'ESTABLISHED', cause, ctx);
}

function onReset(tcb: Tcb, ctx: Ctx): void {
	// RFC 9293 3.10.4: once the user has called CLOSE nobody holds the listener, so a closed passive open does not return to LISTEN.
	if (tcb.state === 'SYN-RECEIVED' && tcb.passive && !tcb.orphan) {
		setState(tcb, 'LISTEN', 'recv RST', ctx); // a passive open returns to LISTEN
		return;
	}
	// SYN-RECEIVED (active): refused; ESTABLISHED, FIN-WAIT-*, CLOSE-WAIT: reset; CLOSING, LAST-ACK: just closed
	// Linux tcp_reset: ECONNREFUSED before the connection is up, EPIPE in CLOSE-WAIT, ECONNRESET otherwise.
	if (tcb.state === 'SYN-RECEIVED') tcb.error = 'ECONNREFUSED';
	else if (tcb.state === 'CLOSE-WAIT') tcb.error = 'EPIPE';
	else if (tcb.state !== 'CLOSING' && tcb.state !== 'LAST-ACK') tcb.error = 'ECONNRESET';
	tcb.unread = 0;
	setState(tcb, 'CLOSED', 'recv RST', ctx);
}

// Linux tcp_timewait_state_process (RFC 9293 3.10.7.4 for TIME-WAIT, as Linux refines it)
function onTimeWait(tcb: Tcb, seg: Segment, ctx: Ctx): void {
	if (seg.ctl === 'RST') {
		// Linux tcp_timewait_state_process: with tcp_rfc1337=0 (the default) an in-window RST kills TIME-WAIT early
		// ("TIME-WAIT assassination", RFC 1337); with 1 the RST is ignored and TIME-WAIT runs its course.
		if (seg.seq === tcb.rcvNxt && !ctx.sysctls.rfc1337) setState(tcb, 'CLOSED', 'recv RST', ctx);
		return;
	}
	if (seg.seq === tcb.rcvNxt && seqLength(seg) === 0) {
		stopTimer(tcb, 'time-wait', ctx); // Linux tcp_timewait_state_process: a bare in-window ACK restarts 2MSL, unanswered
		setTimer(tcb, 'time-wait', 2 * ctx.profile.mslUs, ctx);
		return;
	}
	// RFC 9293 3.10.7.4: a retransmitted FIN (or anything else) is ACKed and the 2 MSL timeout restarts.
	sendAck(tcb, ctx);
	stopTimer(tcb, 'time-wait', ctx);
	setTimer(tcb, 'time-wait', 2 * ctx.profile.mslUs, ctx);
}

export function enterTimeWait(tcb: Tcb, cause: string, ctx: Ctx): void {
	setState(tcb, 'TIME-WAIT', cause, ctx);
	stopTimer(tcb, 'retransmit', ctx);
	stopTimer(tcb, 'fin-wait-2', ctx);
	setTimer(tcb, 'time-wait', 2 * ctx.profile.mslUs, ctx);
}

/** Drop what SND.UNA now covers from the retransmission queue; restart or stop the RTO (RFC 6298 5.2, 5.3). */
function ackRetransmitQueue(tcb: Tcb, ctx: Ctx): void {
	const before = tcb.rtxQueue.length;
	tcb.rtxQueue = tcb.rtxQueue.filter(u => seqGt(seqAdd(u.seq, seqLength(u)), tcb.sndUna));
	if (tcb.rtxQueue.length === before) return;
	tcb.retries = 0;
	tcb.tlpOut = false;
	tcb.retransStampUs = null; // Linux tcp_ack clears retrans_stamp once the retransmitted data is acknowledged
	tcb.rtoUs = ctx.profile.rtoEstablishedUs; // a fresh RTT sample (Linux: RTO never below TCP_RTO_MIN)
	stopTimer(tcb, 'retransmit', ctx);
	if (tcb.rtxQueue.length > 0) setTimer(tcb, 'retransmit', tcb.rtoUs, ctx);
}

/**
 * Linux RACK (tcp_rack_detect_loss): a duplicate ACK whose SACK block shows later data delivered marks the segment at
 * SND.UNA lost once it was sent more than an RTT (plus a reordering window) before the delivered one, and it is resent
 * without waiting for the RTO (tcp_xmit_retransmit_queue); the RTO restarts (tcp_rearm_rto). With the simulator's
 * instant loopback that means sent by an earlier write: the segments of one write leave within the RTT, and one of
 * them that only arrived late is acknowledged before any timer runs (captured: data-lost-in-flight).
 */
function sackShowsLoss(tcb: Tcb, ctx: Ctx): void {
	const head = tcb.rtxQueue[0];
	const newest = tcb.rtxQueue[tcb.rtxQueue.length - 1];
	if (!ctx.profile.sack || !head || !newest || tcb.rackSeq === head.seq || head.write === newest.write) return;
	tcb.rackSeq = head.seq;
	tcb.retransStampUs ??= ctx.now;
	retransmitHead(tcb, ctx);
	setTimer(tcb, 'retransmit', tcb.rtoUs, ctx);
}

/** Resend the oldest unacknowledged segment with the current ACK (Linux tcp_retransmit_skb). */
export function retransmitHead(tcb: Tcb, ctx: Ctx): void {
	const head = tcb.rtxQueue[0];
	if (!head) return;
	const withAck = !(head.ctl === 'SYN' && tcb.state === 'SYN-SENT'); // only the very first SYN lacks ACK
	transmit(tcb, {seq: head.seq, ack: withAck ? tcb.rcvNxt : null, ctl: head.ctl, len: head.len, win: tcb.rcvWnd, ...(head.psh === false ? {psh: false} : {})}, ctx);
}

// RFC 9293 3.10.7.4 seventh (segment text) and eighth (FIN)
export function processText(tcb: Tcb, seg: Segment, ctx: Ctx): void {
	if (tcb.state !== 'ESTABLISHED' && tcb.state !== 'FIN-WAIT-1' && tcb.state !== 'FIN-WAIT-2') return; // after a FIN, text is ignored
	const newData = seg.len > 0 && seqGt(seqAdd(seg.seq, seg.len), tcb.rcvNxt);
	if (tcb.orphan && newData) {
		// Linux tcp_rcv_state_process: data for a socket closed by the application → RST, connection gone (RFC 1122 4.2.2.13).
		// Linux tcp_reset closes the socket before the caller sends the RST: the state change is traced first.
		tcb.error = 'ECONNRESET';
		setState(tcb, 'CLOSED', 'data after close', ctx);
		ctx.emit({kind: 'send', seg: {seq: seg.ack ?? tcb.sndNxt, ack: null, ctl: 'RST', len: 0, win: 0}});
		return;
	}
	if (seqGt(seg.seq, tcb.rcvNxt)) {
		// Out of order: keep it (Linux's ofo queue) and send a duplicate ACK at once (RFC 5681 4.2)
		if (!tcb.ooo.some(o => o.seq === seg.seq)) tcb.ooo.push({seq: seg.seq, len: seg.len, fin: seg.ctl === 'FIN'});
		sendAck(tcb, ctx);
		return;
	}
	const before = tcb.rcvNxt;
	let fin = deliver(tcb, seg.seq, seg.len, seg.ctl === 'FIN');
	for (let i = 0; i < tcb.ooo.length;) {
		const o = tcb.ooo[i]!;
		if (seqLe(o.seq, tcb.rcvNxt)) {
			tcb.ooo.splice(i, 1);
			fin = deliver(tcb, o.seq, o.len, o.fin) || fin;
			i = 0;
		} else i++;
	}
	const advanced = (tcb.rcvNxt - before) >>> 0;
	if (advanced === 0) return sendAck(tcb, ctx); // a duplicate: ACK at once
	tcb.unackedRecv += advanced;
	const gotData = advanced > (fin ? 1 : 0);
	if (fin) return onFin(tcb, ctx, gotData);
	ackData(tcb, ctx, gotData);
}

/** Take the in-order part of [seq, seq+len) and its FIN; returns whether the FIN was taken. */
function deliver(tcb: Tcb, seq: number, len: number, fin: boolean): boolean {
	const end = seqAdd(seq, len);
	if (seqGt(end, tcb.rcvNxt)) {
		tcb.unread += (end - tcb.rcvNxt) >>> 0;
		tcb.rcvNxt = end;
	}
	if (fin && end === tcb.rcvNxt && !tcb.peerFin) {
		tcb.rcvNxt = seqAdd(tcb.rcvNxt, 1); // RFC 9293 3.4: the FIN occupies one sequence number
		tcb.peerFin = true;
		return true;
	}
	return false;
}

function onFin(tcb: Tcb, ctx: Ctx, gotData: boolean): void {
	switch (tcb.state) {
		case 'ESTABLISHED':
			setState(tcb, 'CLOSE-WAIT', 'recv FIN', ctx);
			// Linux tcp_fin: enter pingpong mode, so the ACK waits for the application's own FIN.
			if (ctx.profile.delayedAck) {
				tcb.pingpong = true;
				return ackData(tcb, ctx, gotData);
			}
			return sendAck(tcb, ctx);
		case 'FIN-WAIT-1':
			setState(tcb, 'CLOSING', 'recv FIN', ctx); // simultaneous close: our FIN is not yet ACKed
			return sendAck(tcb, ctx); // Linux tcp_fin: ACK at once
		case 'FIN-WAIT-2':
			// RFC 9293 Figure 13: the ACK of the FIN leaves from TIME-WAIT (traced state first, as for every send).
			enterTimeWait(tcb, 'recv FIN', ctx);
			return sendAck(tcb, ctx);
	}
}

/** Acknowledge received data now or later. RFC 9293 3.8.6.3 allows delaying; Linux's rules are below. */
function ackData(tcb: Tcb, ctx: Ctx, gotData: boolean): void {
	const p = ctx.profile;
	if (!p.delayedAck) return sendAck(tcb, ctx); // textbook: every segment ACKed at once
	if (gotData) {
		if (tcb.quickAcks < 0) tcb.quickAcks = p.quickAcks; // Linux tcp_event_data_recv: first data starts quickack
		tcb.lastDataRecvUs = ctx.now;
	}
	if (tcb.unackedRecv > ctx.sysctls.mss) return sendAck(tcb, ctx); // more than one full segment unACKed
	if (tcb.quickAcks > 0 && !tcb.pingpong) return sendAck(tcb, ctx); // tcp_in_quickack_mode
	// Linux tcp_send_delayed_ack: the ATO is 40 ms once data has arrived; before any data it is 0, so the timer fires on the next jiffy.
	const delay = tcb.lastDataRecvUs < 0 ? p.jiffyUs : p.delayedAckUs;
	if (tcb.timers['delayed-ack'] === undefined) setTimer(tcb, 'delayed-ack', delay, ctx);
}
