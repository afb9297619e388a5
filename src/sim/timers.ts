// What happens when a timer expires (RFC 9293 3.8.1, 3.10.8; RFC 6298; Linux's timer handlers).
import {type Ctx, type Tcb, type TimerKind, sendAck, setState, setTimer} from './endpoint.js';
import {expireSynQueue} from './listen.js';
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
		case 'syn-queue': {
			expireSynQueue(tcb, ctx.now);
			const next = Math.min(...tcb.synQueue);
			if (Number.isFinite(next)) tcb.timers['syn-queue'] = next;
		}
	}
}

function onRetransmit(tcb: Tcb, ctx: Ctx): void {
	if (tcb.rtxQueue.length === 0) return;
	const limit = tcb.state === 'SYN-SENT' ? ctx.sysctls.synRetries // Linux tcp_syn_retries
		: tcb.state === 'SYN-RECEIVED' && tcb.passive ? ctx.sysctls.synackRetries // tcp_synack_retries
			: ctx.sysctls.retries2; // tcp_retries2
	if (tcb.retries >= limit) {
		// RFC 9293 3.8.3 R2: give up. A half-open request is dropped and the listener stays.
		// ... unless the application closed it (RFC 9293 3.10.4: after CLOSE no listener is left to return to).
		if (tcb.state === 'SYN-RECEIVED' && tcb.passive && !tcb.orphan) return setState(tcb, 'LISTEN', 'timer retransmit: gave up', ctx);
		tcb.error = 'ETIMEDOUT';
		return setState(tcb, 'CLOSED', 'timer retransmit: gave up', ctx);
	}
	tcb.retries++;
	tcb.rtoUs = Math.min(tcb.rtoUs * 2, ctx.sysctls.rtoMaxUs); // RFC 6298 5.5: back off the timer
	retransmitHead(tcb, ctx);
	setTimer(tcb, 'retransmit', tcb.rtoUs, ctx);
}
