// What happens when a timer expires (RFC 9293 3.8.1, 3.10.8; RFC 6298; Linux's timer handlers in
// tcp_timer.c). The linux profile follows what a 6.x kernel was measured to do
// (test/fixtures/captures/linux/): linear SYN timeouts, a tail-loss probe, retries as a time budget.
import {type Ctx, type Tcb, type TimerKind, sendActiveReset, sendAck, setState, setTimer, transmit} from './endpoint.js';
import {nextSynQueueUs, runSynQueue} from './listen.js';
import {retransmitHead} from './receive.js';

export function fireTimer(tcb: Tcb, kind: TimerKind, ctx: Ctx): void {
	delete tcb.timers[kind];
	ctx.emit({kind: 'timer', timer: kind, action: 'fire'});
	switch (kind) {
		case 'retransmit': return onRetransmit(tcb, ctx);
		case 'delayed-ack':
			// Linux tcp_delack_timer_handler: the delayed ACK goes out; a missed pingpong guess ends pingpong mode.
			tcb.pingpong = false;
			return sendAck(tcb, ctx);
		case 'time-wait':
			return setState(tcb, 'CLOSED', 'timer time-wait', ctx); // RFC 9293 3.10.8: 2 MSL passed → delete the TCB
		case 'fin-wait-2':
			// Linux tcp_fin_timeout: the orphan in FIN-WAIT-2 is dropped silently, no RST.
			return setState(tcb, 'CLOSED', 'timer fin-wait-2', ctx);
		case 'keepalive': return onKeepalive(tcb, ctx);
		case 'syn-queue': {
			runSynQueue(tcb, ctx);
			const next = nextSynQueueUs(tcb);
			if (next !== undefined) tcb.timers['syn-queue'] = next;
		}
	}
}

function onRetransmit(tcb: Tcb, ctx: Ctx): void {
	if (tcb.rtxQueue.length === 0) return;
	const opening = tcb.state === 'SYN-SENT' || tcb.state === 'SYN-RECEIVED';
	if (ctx.profile.tailLossProbe && !opening && tcb.retries === 0 && !tcb.tlpOut) {
		// Linux tcp_send_loss_probe: the first timeout resends the last segment sent, and the RTO is armed again, not backed off.
		tcb.tlpOut = true;
		retransmitTail(tcb, ctx);
		return setTimer(tcb, 'retransmit', tcb.rtoUs, ctx);
	}
	tcb.totalRto++;
	if (timedOut(tcb, ctx)) {
		// RFC 9293 3.8.3 R2: give up (Linux tcp_write_err: no RST). A half-open request is dropped and the listener stays …
		// … unless the application closed it (RFC 9293 3.10.4: after CLOSE no listener is left to return to).
		if (tcb.state === 'SYN-RECEIVED' && tcb.passive && !tcb.orphan) return setState(tcb, 'LISTEN', 'timer retransmit: gave up', ctx);
		tcb.error = 'ETIMEDOUT';
		return setState(tcb, 'CLOSED', 'timer retransmit: gave up', ctx);
	}
	tcb.retries++;
	tcb.retransStampUs ??= ctx.now; // Linux tcp_retransmit_skb: the first retransmission starts the time budget
	// Linux tcp_retransmit_timer: in SYN-SENT the first tcp_syn_linear_timeouts timeouts keep the RTO; then RFC 6298 5.5 doubles it.
	const linear = ctx.profile.linearSynTimeouts && tcb.state === 'SYN-SENT' && tcb.totalRto <= ctx.sysctls.synLinearTimeouts;
	if (!linear) tcb.rtoUs = Math.min(tcb.rtoUs * 2, ctx.sysctls.rtoMaxUs);
	retransmitHead(tcb, ctx);
	setTimer(tcb, 'retransmit', tcb.rtoUs, ctx);
}

/** Linux tcp_write_timeout: is it time to give up, before this retransmission? */
function timedOut(tcb: Tcb, ctx: Ctx): boolean {
	const s = ctx.sysctls;
	// inet_csk_reqsk_queue / reqsk_timer_handler: a half-open request counts its SYN-ACK retransmissions.
	if (tcb.state === 'SYN-RECEIVED' && tcb.passive) return tcb.retries >= s.synackRetries;
	if (!ctx.profile.retryTimeBudget) return tcb.retries >= (tcb.state === 'SYN-SENT' ? s.synRetries : tcb.orphan ? orphanRetries(tcb, ctx) : s.retries2);
	if (tcb.state === 'SYN-SENT' || tcb.state === 'SYN-RECEIVED') {
		// A count (tcp_syn_retries + tcp_syn_linear_timeouts) and a time budget modelled on tcp_syn_retries doublings from 1 s.
		const count = s.synRetries + (ctx.profile.linearSynTimeouts && tcb.state === 'SYN-SENT' ? s.synLinearTimeouts : 0);
		return tcb.retries >= count || budgetSpent(tcb, ctx, s.synRetries, s.rtoInitialUs);
	}
	// retransmits_timed_out: tcp_retries2 (tcp_orphan_retries for an orphan) doublings from TCP_RTO_MIN, as a time budget.
	return budgetSpent(tcb, ctx, tcb.orphan ? orphanRetries(tcb, ctx) : s.retries2, s.rtoMinUs);
}

/** Linux tcp_model_timeout: how long `boundary` doubling timeouts from `baseUs` (capped at TCP_RTO_MAX) take. */
export function modelTimeoutUs(boundary: number, baseUs: number, rtoMaxUs: number): number {
	const thresh = Math.floor(Math.log2(rtoMaxUs / baseUs));
	return boundary <= thresh ? (2 ** (boundary + 1) - 1) * baseUs : (2 ** (thresh + 1) - 1) * baseUs + (boundary - thresh) * rtoMaxUs;
}

function budgetSpent(tcb: Tcb, ctx: Ctx, boundary: number, baseUs: number): boolean {
	if (tcb.retries === 0 || tcb.retransStampUs === null) return false;
	return ctx.now - tcb.retransStampUs >= modelTimeoutUs(boundary, baseUs, ctx.sysctls.rtoMaxUs);
}

/** Linux tcp_orphan_retries: 0 means 8 while the peer may still be alive (the RTO has not reached its maximum). */
function orphanRetries(tcb: Tcb, ctx: Ctx): number {
	const n = ctx.sysctls.orphanRetries;
	return n === 0 && tcb.rtoUs < ctx.sysctls.rtoMaxUs ? 8 : n;
}

/** The probe resends the newest segment that waits for its ACK (Linux tcp_send_loss_probe, when no new data is queued). */
function retransmitTail(tcb: Tcb, ctx: Ctx): void {
	const tail = tcb.rtxQueue[tcb.rtxQueue.length - 1]!;
	transmit(tcb, {seq: tail.seq, ack: tcb.rcvNxt, ctl: tail.ctl, len: tail.len, win: tcb.rcvWnd, ...(tail.psh === false ? {psh: false} : {})}, ctx);
}

/**
 * Linux tcp_keepalive_timer: after TCP_KEEPIDLE without a segment from the peer, a probe (an ACK one
 * below SND.UNA, old data the peer must acknowledge); every TCP_KEEPINTVL another; after TCP_KEEPCNT
 * unanswered probes, an RST and the connection is gone (ETIMEDOUT).
 */
function onKeepalive(tcb: Tcb, ctx: Ctx): void {
	const ka = tcb.keepalive;
	if (!ka || tcb.state !== 'ESTABLISHED' && tcb.state !== 'CLOSE-WAIT' && tcb.state !== 'FIN-WAIT-2') return;
	if (tcb.probesOut >= ka.probes) {
		tcb.error = 'ETIMEDOUT';
		sendActiveReset(tcb, ctx);
		return setState(tcb, 'CLOSED', 'timer keepalive: no answer', ctx);
	}
	tcb.probesOut++;
	transmit(tcb, {seq: (tcb.sndUna - 1) >>> 0, ack: tcb.rcvNxt, ctl: null, len: 0, win: tcb.rcvWnd}, ctx); // tcp_write_wakeup → tcp_xmit_probe_skb
	setTimer(tcb, 'keepalive', ka.intvlUs, ctx);
}

/** A segment arrived: the connection is alive, so the next probe waits a whole idle time (armed when the connection opens). */
export function keepaliveHeard(tcb: Tcb, ctx: Ctx): void {
	const ka = tcb.keepalive;
	if (!ka || (tcb.state !== 'ESTABLISHED' && tcb.state !== 'CLOSE-WAIT' && tcb.state !== 'FIN-WAIT-2')) return;
	const answered = tcb.probesOut > 0;
	tcb.probesOut = 0;
	// Traced when it is armed and when an answer brings the wait back from the interval to the idle time.
	if (tcb.timers.keepalive === undefined || answered) return setTimer(tcb, 'keepalive', ka.idleUs, ctx);
	tcb.timers.keepalive = ctx.now + ka.idleUs; // restarted silently: one trace line per segment would say nothing
	tcb.timerSetUs.keepalive = ka.idleUs;
}
