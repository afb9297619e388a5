// The application's calls on a socket: RFC 9293 3.10.1-3.10.6 (OPEN, SEND, RECEIVE, CLOSE, ABORT)
// as Linux's socket API does them (listen, connect, send, read, shutdown, close, SO_LINGER 0).
import {type Ctx, type Emit, type Tcb, flush, newTcb, sendActiveReset, sendNew, setState, setTimer, stopTimer, takeIsn} from './endpoint.js';

export type CallName = 'listen' | 'connect' | 'accept' | 'send' | 'read' | 'close' | 'shutdown' | 'abort' | 'exit' | 'crash' | 'poweroff' | 'keepalive' | 'cork' | 'uncork';
export const CALL_NAMES: readonly CallName[] = ['listen', 'connect', 'accept', 'send', 'read', 'close', 'shutdown', 'abort', 'exit', 'crash', 'poweroff', 'keepalive', 'cork', 'uncork'];

export type Call = {
	readonly name: CallName;
	readonly bytes?: number;
	/** send with MSG_MORE: more data follows, so the kernel holds this back (tcp_sendmsg: no push). */
	readonly more?: boolean;
	/** keepalive: TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT (the sysctls when absent). */
	readonly keepalive?: {readonly idleUs: number; readonly intvlUs: number; readonly probes: number};
	/** accept all: every connection waiting now; with forUs, accept() in a loop for that long. */
	readonly all?: boolean;
	readonly forUs?: number;
	/** close listener: close the listening socket, not a connection. */
	readonly listener?: boolean;
	/** listen reuseaddr: SO_REUSEADDR before bind. */
	readonly reuseAddr?: boolean;
};

/** The call as the trace prints it: "send 100", "accept all for 6s", "close listener". */
export function callText(call: Call): string {
	if (call.bytes !== undefined) return `${call.name} ${call.bytes}${call.more ? ' MSG_MORE' : ''}`;
	if (call.name === 'accept' && call.all) return call.forUs === undefined ? 'accept all' : `accept all for ${call.forUs / 1e6}s`;
	if (call.listener) return `${call.name} listener`;
	if (call.reuseAddr) return `${call.name} reuseaddr`;
	return call.name;
}

/** Apply one call. Returns what the call returns to the application ("ok", an errno, a byte count). */
export function applyCall(tcb: Tcb, call: Call, ctx: Ctx, iss?: number): string {
	return tracedCall(call, ctx, inner => dispatch(tcb, call, inner, iss));
}

/** Run a call's effects, tracing the call first and then what it caused (its result is known only afterwards). */
export function tracedCall(call: Call, ctx: Ctx, effects: (ctx: Ctx) => string): string {
	const caused: Emit[] = [];
	const result = effects({...ctx, emit: e => caused.push(e)});
	ctx.emit({kind: 'call', call: callText(call), result});
	for (const e of caused) ctx.emit(e);
	return result;
}

function dispatch(tcb: Tcb, call: Call, ctx: Ctx, iss?: number): string {
	switch (call.name) {
		case 'listen': return listen(tcb, ctx);
		case 'connect': return connect(tcb, ctx, iss);
		case 'accept': return 'EINVAL'; // accept() is the listener's (sockets.ts); on any other socket Linux says EINVAL
		case 'send': return send(tcb, call.bytes ?? 0, ctx, call.more === true);
		case 'read': return read(tcb);
		case 'close': return close(tcb, ctx);
		case 'exit': return tcb.orphan ? 'ok' : close(tcb, ctx); // the process's sockets (sockets.ts); here, the one
		case 'shutdown': return shutdown(tcb, ctx);
		case 'abort': return abort(tcb, ctx);
		case 'crash': return crash(tcb, ctx);
		case 'poweroff': return powerOff(tcb, ctx);
		case 'keepalive': return keepalive(tcb, call, ctx);
		case 'cork':
			tcb.corked = true; // setsockopt TCP_CORK 1: partial segments wait (for more data, the FIN, or uncork)
			return 'ok';
		case 'uncork':
			// TCP_CORK 0 pushes what waits (Linux do_tcp_setsockopt → tcp_push_pending_frames).
			tcb.corked = false;
			flush(tcb, ctx);
			return 'ok';
	}
}

function listen(tcb: Tcb, ctx: Ctx): string {
	if (tcb.state === 'LISTEN') return 'ok'; // Linux inet_listen: listen() again on a listener only sets the backlog
	if (tcb.state !== 'CLOSED') return 'EINVAL';
	freshSocket(tcb);
	setState(tcb, 'LISTEN', 'listen', ctx); // RFC 9293 3.10.1: passive OPEN → LISTEN
	return 'ok';
}

function connect(tcb: Tcb, ctx: Ctx, iss?: number): string {
	if (tcb.state === 'LISTEN') return 'EINVAL';
	if (tcb.state !== 'CLOSED') return 'EISCONN';
	freshSocket(tcb);
	// RFC 9293 3.10.1: active OPEN → send <SEQ=ISS><CTL=SYN>, SND.UNA=ISS, SND.NXT=ISS+1, enter SYN-SENT.
	tcb.iss = iss ?? takeIsn(tcb);
	tcb.sndUna = tcb.sndNxt = tcb.iss;
	tcb.rtoUs = ctx.sysctls.rtoInitialUs;
	tcb.retransStampUs = ctx.now; // Linux tcp_connect: the SYN's time budget starts with the SYN itself
	setState(tcb, 'SYN-SENT', 'connect', ctx);
	sendNew(tcb, 'SYN', 0, false, ctx);
	return 'ok';
}

/** listen and connect on a CLOSED endpoint (and a SYN that ends TIME-WAIT) stand for a new socket: forget the old one's flags. */
export function freshSocket(tcb: Tcb): void {
	tcb.orphan = tcb.wrShut = tcb.peerFin = tcb.passive = false;
	tcb.unread = 0;
	tcb.error = null;
}

function send(tcb: Tcb, bytes: number, ctx: Ctx, more = false): string {
	tcb.writes++;
	tcb.more = more; // Linux tcp_sendmsg with MSG_MORE: the data waits for more, or for close() to carry it with the FIN
	if (tcb.wrShut || tcb.orphan) return 'EPIPE'; // writing after shutdown(SHUT_WR) or close
	switch (tcb.state) {
		case 'SYN-SENT':
		case 'SYN-RECEIVED':
			// RFC 9293 3.10.2: queue the data until the connection is ESTABLISHED.
			tcb.pendingSend += bytes;
			return 'queued';
		case 'ESTABLISHED':
		case 'CLOSE-WAIT': // RFC 9293 3.10.2: the peer's FIN only closes its direction.
			// Linux tcp_event_data_sent: answering within the ATO of the last data received enters pingpong mode.
			if (ctx.profile.delayedAck && tcb.lastDataRecvUs >= 0 && ctx.now - tcb.lastDataRecvUs < ctx.profile.delayedAckUs) tcb.pingpong = true;
			tcb.pendingSend += bytes;
			flush(tcb, ctx);
			return `${bytes}`;
		default:
			return tcb.error ?? 'EPIPE';
	}
}

function read(tcb: Tcb): string {
	if (tcb.orphan) return 'EBADF'; // the application closed this socket
	if (tcb.unread > 0) {
		const n = tcb.unread;
		tcb.unread = 0;
		return `${n}`;
	}
	if (tcb.peerFin) return 'EOF'; // RFC 9293 3.10.3: after the peer's FIN, RECEIVE reports "connection closing"
	if (tcb.error) return tcb.error;
	return tcb.state === 'ESTABLISHED' || tcb.state.startsWith('FIN-WAIT') ? 'EAGAIN' : 'ENOTCONN';
}

/** close() as the kernel does it for a process that exits (do_exit → fput → tcp_close): FIN, or RST with data unread. */
export function closeSocket(tcb: Tcb, ctx: Ctx): void {
	if (!tcb.orphan) close(tcb, ctx);
}

function close(tcb: Tcb, ctx: Ctx): string {
	if (tcb.orphan) return 'EBADF';
	if (tcb.state === 'CLOSED' || tcb.state === 'LISTEN' || tcb.state === 'SYN-SENT') {
		// RFC 9293 3.10.4: CLOSE in LISTEN or SYN-SENT deletes the TCB; nothing is sent.
		tcb.pendingSend = 0;
		setState(tcb, 'CLOSED', 'close', ctx);
		return 'ok';
	}
	tcb.orphan = true;
	if (tcb.unread > 0 && (tcb.state === 'ESTABLISHED' || tcb.state === 'CLOSE-WAIT' || tcb.state.startsWith('FIN-WAIT'))) {
		// RFC 1122 4.2.2.13 and Linux tcp_close: closing with unread data sends RST, not FIN (CLOSE first, then the RST).
		tcb.unread = 0;
		setState(tcb, 'CLOSED', 'close with unread data', ctx);
		sendActiveReset(tcb, ctx);
		return 'ok';
	}
	if (tcb.state === 'FIN-WAIT-2') armFinWait2(tcb, ctx); // the orphan may not wait forever
	shutWrite(tcb, ctx);
	return 'ok';
}

function shutdown(tcb: Tcb, ctx: Ctx): string {
	if (tcb.orphan) return 'EBADF';
	if (tcb.state === 'CLOSED' || tcb.state === 'LISTEN') return 'ENOTCONN';
	if (tcb.state === 'SYN-SENT') {
		setState(tcb, 'CLOSED', 'shutdown', ctx); // Linux: shutdown in SYN-SENT closes the socket
		return 'ok';
	}
	shutWrite(tcb, ctx);
	return 'ok';
}

function shutWrite(tcb: Tcb, ctx: Ctx): void {
	if (tcb.wrShut) return;
	tcb.wrShut = true;
	if (tcb.state === 'SYN-RECEIVED') {
		// RFC 9293 3.10.4: CLOSE in SYN-RECEIVED with nothing queued: send FIN, enter FIN-WAIT-1.
		if (tcb.pendingSend === 0) {
			setState(tcb, 'FIN-WAIT-1', tcb.orphan ? 'close' : 'shutdown', ctx);
			sendNew(tcb, 'FIN', 0, true, ctx);
		}
		return;
	}
	flush(tcb, ctx);
}

/** Linux tcp_close: an orphan in FIN-WAIT-2 is given tcp_fin_timeout to receive the peer's FIN. */
export function armFinWait2(tcb: Tcb, ctx: Ctx): void {
	if (tcb.timers['fin-wait-2'] === undefined) setTimer(tcb, 'fin-wait-2', ctx.sysctls.finTimeoutUs, ctx);
}

function abort(tcb: Tcb, ctx: Ctx): string {
	if (tcb.orphan) return 'EBADF';
	disconnect(tcb, 'abort', ctx); // SO_LINGER 0: no FIN, no TIME-WAIT
	return 'ok';
}

/** Linux tcp_disconnect (RFC 9293 3.10.5 ABORT): enter CLOSED, then reset the peer in the states tcp_need_reset names. */
export function disconnect(tcb: Tcb, cause: string, ctx: Ctx): void {
	tcb.orphan = true;
	tcb.unread = 0;
	const reset = ['ESTABLISHED', 'CLOSE-WAIT', 'FIN-WAIT-1', 'FIN-WAIT-2', 'SYN-RECEIVED'].includes(tcb.state);
	setState(tcb, 'CLOSED', cause, ctx);
	if (reset) sendActiveReset(tcb, ctx);
}

/** The host powers off: its TCB is gone, nothing is sent, and (world.ts) nothing reaches it any more. */
function powerOff(tcb: Tcb, ctx: Ctx): string {
	for (const kind of Object.keys(tcb.timers) as (keyof typeof tcb.timers)[]) stopTimer(tcb, kind, ctx);
	setState(tcb, 'CLOSED', 'power off', ctx);
	return 'ok';
}

/** setsockopt SO_KEEPALIVE (with TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT): probe an idle connection (Linux tcp_set_keepalive). */
function keepalive(tcb: Tcb, call: Call, ctx: Ctx): string {
	tcb.keepalive = call.keepalive ?? {idleUs: ctx.sysctls.keepaliveTimeUs, intvlUs: ctx.sysctls.keepaliveIntvlUs, probes: ctx.sysctls.keepaliveProbes};
	if (tcb.state === 'ESTABLISHED' || tcb.state === 'CLOSE-WAIT') setTimer(tcb, 'keepalive', tcb.keepalive.idleUs, ctx);
	return 'ok';
}

/** The host reboots: every TCB is lost and nothing is sent (the peer is left half-open, RFC 9293 3.5.2). */
function crash(tcb: Tcb, ctx: Ctx): string {
	for (const kind of Object.keys(tcb.timers) as (keyof typeof tcb.timers)[]) stopTimer(tcb, kind, ctx);
	setState(tcb, 'CLOSED', 'crash', ctx);
	// The socket keeps its place (and its connection's number, which the trace of the crash carries): all else is new.
	Object.assign(tcb, newTcb(tcb.side, [], ctx.sysctls, tcb.cookieSecret), {nextIsn: tcb.nextIsn, conn: tcb.conn, name: tcb.name, port: tcb.port});
	return 'ok';
}
