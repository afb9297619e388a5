// Segments that arrive where no connection exists yet: CLOSED (RFC 9293 3.10.7.1) and LISTEN
// (3.10.7.2), with Linux's SYN queue and SYN cookies.
import type {Sysctls} from './profiles.js';
import {type Ctx, type Tcb, sendNew, setState, takeIsn, transmit} from './endpoint.js';
import {processText} from './receive.js';
import {type Segment, seqLength} from './segment.js';
import {seqAdd} from './seq.js';

/** The reset that answers a segment for which no connection exists (RFC 9293 3.10.7.1, 3.5.2). */
export function resetFor(seg: Segment): Segment | null {
	if (seg.ctl === 'RST') return null; // an RST is never answered with an RST
	// ACK off: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>; ACK on: <SEQ=SEG.ACK><CTL=RST>
	if (seg.ack === null) return {seq: 0, ack: seqAdd(seg.seq, seqLength(seg)), ctl: 'RST', len: 0, win: 0};
	return {seq: seg.ack, ack: null, ctl: 'RST', len: 0, win: 0};
}

function replyReset(seg: Segment, ctx: Ctx): void {
	const rst = resetFor(seg);
	if (rst) ctx.emit({kind: 'send', seg: rst});
}

// RFC 9293 3.10.7.1: CLOSED — all data is discarded; anything but an RST is answered with an RST.
export function onClosed(seg: Segment, ctx: Ctx): void {
	ctx.emit({kind: 'drop', reason: 'no connection'});
	replyReset(seg, ctx);
}

// RFC 9293 3.10.7.2: LISTEN
export function onListen(tcb: Tcb, seg: Segment, ctx: Ctx, iss?: number): void {
	if (seg.ctl === 'RST') return; // first: an incoming RST is ignored
	if (seg.ack !== null) {
		// second: an ACK is bad unless it returns one of our SYN cookies (Linux cookie_v4_check)
		if (seg.ctl === null && ctx.sysctls.syncookies && seg.ack === seqAdd(synCookie(tcb, seqAdd(seg.seq, -1)), 1)) return acceptCookie(tcb, seg, ctx);
		return replyReset(seg, ctx);
	}
	if (seg.ctl !== 'SYN') return; // fourth: other text or control is dropped
	if (ctx.listener?.acceptQueueFull()) {
		ctx.emit({kind: 'drop', reason: 'accept queue full'}); // Linux tcp_conn_request: sk_acceptq_is_full → drop, the client retries
		return;
	}
	const room = synQueueRoom(ctx.listener?.synRequests() ?? tcb.synQueue.length, ctx);
	if (room !== 'queue') {
		if (room === 'drop') {
			ctx.emit({kind: 'drop', reason: 'SYN queue full'}); // Linux tcp_conn_request: drop, the client retries
			return;
		}
		// Linux: with the queue full, answer with a cookie ISN and keep no state (tcp_syncookies=1).
		ctx.emit({kind: 'syncookie', outcome: 'sent'});
		transmit(tcb, {seq: synCookie(tcb, seg.seq), ack: seqAdd(seg.seq, 1), ctl: 'SYN', len: 0, win: tcb.rcvWnd}, ctx);
		return;
	}
	// third: SYN → RCV.NXT=SEG.SEQ+1, IRS=SEG.SEQ, send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>, enter SYN-RECEIVED
	tcb.irs = seg.seq;
	tcb.rcvNxt = seqAdd(seg.seq, 1);
	tcb.sndWnd = seg.win;
	tcb.iss = iss ?? takeIsn(tcb);
	tcb.sndUna = tcb.sndNxt = tcb.iss;
	tcb.passive = true;
	tcb.rtoUs = ctx.sysctls.rtoInitialUs;
	setState(tcb, 'SYN-RECEIVED', 'recv SYN', ctx);
	sendNew(tcb, 'SYN', 0, true, ctx);
}

/** A stateless SYN cookie: a keyed hash of the client's ISN (Linux hashes the 4-tuple, a counter and the MSS). */
export function synCookie(tcb: Tcb, clientIsn: number): number {
	let h = (clientIsn ^ tcb.cookieSecret) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
	return (h ^ (h >>> 16)) >>> 0;
}

function acceptCookie(tcb: Tcb, seg: Segment, ctx: Ctx): void {
	if (ctx.listener?.acceptQueueFull()) return ctx.emit({kind: 'drop', reason: 'accept queue full'}); // tcp_v4_syn_recv_sock
	ctx.emit({kind: 'syncookie', outcome: 'accepted'});
	tcb.irs = seqAdd(seg.seq, -1);
	tcb.rcvNxt = seg.seq;
	tcb.iss = seqAdd(seg.ack ?? 0, -1);
	tcb.sndUna = tcb.sndNxt = seg.ack ?? 0;
	tcb.sndWnd = seg.win;
	tcb.passive = true;
	tcb.rtoUs = ctx.profile.rtoEstablishedUs;
	setState(tcb, 'ESTABLISHED', 'recv ACK (SYN cookie)', ctx); // Linux tcp_get_cookie_sock: the connection is born established
	if (seg.len > 0) processText(tcb, seg, ctx);
}

/** The backlog in force (sk_max_ack_backlog): listen()'s, capped by net.core.somaxconn (__sys_listen). */
export function maxAckBacklog(s: Sysctls): number {
	return Math.min(s.backlog, s.somaxconn);
}

/** What tcp_conn_request does with a new SYN, `len` requests already queued: queue a request, answer with a cookie, or drop it. */
export function synQueueRoom(len: number, ctx: Ctx): 'queue' | 'cookie' | 'drop' {
	const s = ctx.sysctls;
	// inet_csk_reqsk_queue_is_full: "full" means more requests than the backlog; tcp_syncookies=2 always sends cookies.
	if (s.syncookies === 2 || len > maxAckBacklog(s)) return s.syncookies === 0 ? 'drop' : 'cookie';
	// Without cookies a SYN is also dropped once fewer than a quarter of tcp_max_syn_backlog places are free.
	if (s.syncookies === 0 && s.maxSynBacklog - len < s.maxSynBacklog >> 2) return 'drop';
	return 'queue';
}

/**
 * Linux reqsk_timer_handler for the flood's requests that are due: each resends its SYN-ACK (to an
 * address that never answers) after 1, 2, 4 … s and is dropped after tcp_synack_retries; but while
 * the queue is more than half full, old requests get fewer retries, down to 2, so that half of the
 * room stays for young ones (requests whose first SYN-ACK has not timed out yet).
 */
export function runSynQueue(tcb: Tcb, ctx: Ctx): void {
	const s = ctx.sysctls;
	for (const req of [...tcb.synQueue]) {
		if (req.nextUs > ctx.now) continue;
		const qlen = tcb.synQueue.length;
		let retries = s.synackRetries;
		if (qlen * 2 > Math.max(8, maxAckBacklog(s))) {
			let young = tcb.synQueue.filter(r => r.numTimeout === 0).length * 2;
			while (retries > 2 && qlen >= young) {
				retries--;
				young *= 2;
			}
		}
		if (req.numTimeout >= retries) {
			tcb.synQueue = tcb.synQueue.filter(r => r !== req);
			continue;
		}
		req.numTimeout++;
		req.nextUs += Math.min(s.rtoInitialUs * 2 ** req.numTimeout, s.rtoMaxUs); // reqsk_timeout: TCP_TIMEOUT_INIT << num_timeout
	}
}

/** When the next of the flood's requests is due (undefined when the queue is empty). */
export function nextSynQueueUs(tcb: Tcb): number | undefined {
	const next = Math.min(...tcb.synQueue.map(r => r.nextUs));
	return Number.isFinite(next) ? next : undefined;
}
