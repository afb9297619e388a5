// The application's calls on the two hosts (README "Scenario files"): which socket a call means — a
// named client's, the server's latest connection, the listener — and the calls that act on the host
// rather than on one socket: connect() picking a port, listen() and the listener's queues, accept(),
// a process's exit, a host's crash or power-off. The socket's own part is calls.ts.
import {type Call, applyCall, callText, closeSocket, disconnect} from './calls.js';
import {type Tcb, setState} from './endpoint.js';
import type {Side} from './segment.js';
import {accept, acceptQueue, clientSocket, freshClient, live, newSocket, pickPort, portHeld} from './sockets.js';
import {secondsOf} from './trace.js';
import {type World, ctxFor} from './world.js';

/** An application call on one side, at the current instant: `client` names one of several clients ("" for the one). */
export function call(w: World, side: Side, c: Call, conn?: number, client = ''): string {
	if (side === 'server') return serverCall(w, c, conn, client);
	let tcb = client === '' && w.eps.client.name === '' ? w.eps.client : clientSocket(w, client);
	// A connect() after the application closed its socket is a new socket (the old one may linger in TIME-WAIT).
	if (c.name === 'connect' && tcb.state !== 'CLOSED' && tcb.orphan) tcb = freshClient(w, tcb);
	if (c.name === 'connect' && tcb.state === 'CLOSED') return connect(w, tcb, c, conn);
	if (c.name === 'poweroff' || c.name === 'crash') return hostDown(w, tcb, c);
	w.eps.client = tcb;
	return applyCall(tcb, c, ctxFor(w, tcb));
}

/** connect(): a port for the new four-tuple (or EADDRNOTAVAIL), then the SYN of the next connection. */
function connect(w: World, tcb: Tcb, c: Call, conn?: number): string {
	const picked = pickPort(w, w.bind.client);
	if ('error' in picked) {
		w.events.push({type: 'call', t: secondsOf(w.now), endpoint: 'client', conn: 0, call: 'connect', result: picked.error});
		return picked.error;
	}
	w.lastPort = picked.port;
	// Linux tcp_twsk_unique: the TIME-WAIT socket is taken over; the new ISN starts above everything the old one sent.
	const iss = picked.reuse ? (picked.reuse.sndNxt + 65537) >>> 0 : undefined;
	if (picked.reuse) setState(picked.reuse, 'CLOSED', 'port taken over by connect (tcp_tw_reuse)', ctxFor(w, picked.reuse));
	tcb.conn = conn ?? ++w.lastConn; // connect() begins the next connection
	tcb.port = picked.port;
	tcb.reuseAddr = w.bind.client !== undefined;
	w.ports[tcb.conn] = picked.port;
	w.eps.client = tcb;
	return applyCall(tcb, c, ctxFor(w, tcb), iss);
}

/** The server's calls: listen, accept and close listener are the listener's; the rest mean the latest connection. */
function serverCall(w: World, c: Call, conn?: number, client = ''): string {
	const l = w.listener;
	if (c.name === 'listen') return listen(w, c);
	if (c.name === 'accept' || (c.name === 'close' && c.listener)) {
		if (!l || l.state !== 'LISTEN') return traceCall(w, l ?? w.eps.server, c, 'EINVAL');
		if (c.name === 'accept') return traceCall(w, l, c, accept(w, c));
		traceCall(w, l, c, 'ok');
		closeListener(w, l, 'close');
		return 'ok';
	}
	if (c.name === 'exit' && client === '') return exit(w, c);
	const tcb = client === '' ? w.eps.server : serverEnd(w, client);
	if (c.name === 'poweroff' || c.name === 'crash') return hostDown(w, tcb, c);
	if (tcb !== l) tcb.accepted = true; // a call on a connection implies the accept() it needs
	if (c.name === 'connect' && tcb.state === 'CLOSED') {
		tcb.conn = conn ?? ++w.lastConn; // an active open on the server's own socket (a simultaneous open)
		w.ports[tcb.conn] ??= w.eps.client.port;
	}
	return applyCall(tcb, c, ctxFor(w, tcb));
}

/** Linux inet_csk_listen_stop: the listener closes; connections nobody accepted are reset (tcp_disconnect), requests dropped. */
function closeListener(w: World, l: Tcb, cause: string): void {
	const waiting = acceptQueue(w);
	const requests = w.socks.filter(s => s.side === 'server' && s !== l && s.listenerGen === w.listenerGen && s.state === 'SYN-RECEIVED' && s.passive);
	l.synQueue = [];
	setState(l, 'CLOSED', cause, ctxFor(w, l));
	for (const r of requests) setState(r, 'CLOSED', 'listener closed', ctxFor(w, r));
	for (const s of waiting) disconnect(s, 'listener closed', ctxFor(w, s)); // inet_child_forget
}

/**
 * The server's process exits or is killed: its kernel closes every socket the process held, in descriptor order —
 * the listener (resetting what nobody accepted), then each accepted connection (FIN, or RST with data unread).
 * The server's current connection counts as accepted: a process that served it had accept()ed it.
 * Linux: do_exit closes the descriptors (tcp_close: RST instead of FIN when unread data is discarded, RFC 2525 2.17).
 */
function exit(w: World, c: Call): string {
	const l = w.listener;
	const current = w.eps.server;
	if (current !== l && live(current)) current.accepted = true;
	traceCall(w, current, c, 'ok');
	if (l?.state === 'LISTEN') closeListener(w, l, 'exit');
	for (const s of w.socks.filter(t => t.side === 'server' && t !== l && t.accepted && live(t))) closeSocket(s, ctxFor(w, s));
	return 'ok';
}

/** "server A": the server's socket of client A's latest connection (the server's current one if it has none). */
function serverEnd(w: World, client: string): Tcb {
	const mine = w.socks.filter(s => s.side === 'client' && s.name === client && s.conn > 0).at(-1);
	return w.socks.filter(s => s.side === 'server' && mine !== undefined && s.conn === mine.conn).at(-1) ?? w.eps.server;
}

function traceCall(w: World, tcb: Tcb, c: Call, result: string): string {
	w.events.push({type: 'call', t: secondsOf(w.now), endpoint: tcb.side, conn: tcb.conn, call: callText(c), result});
	return result;
}

/** listen(): again on a listener, nothing new; else the server's socket if it is closed, or a new one (EADDRINUSE while a connection holds the port). */
function listen(w: World, c: Call): string {
	if (w.listener?.state === 'LISTEN') return applyCall(w.listener, c, ctxFor(w, w.listener));
	const tcb = w.eps.server.state === 'CLOSED' ? w.eps.server : newSocket(w, 'server', w.eps.server);
	tcb.port = w.bind.server;
	tcb.reuseAddr = c.reuseAddr === true;
	// Linux inet_csk_get_port / inet_bind_conflict: the port is in use unless SO_REUSEADDR and no socket holds it in LISTEN.
	if (portHeld(w, tcb, tcb.reuseAddr)) return traceCall(w, tcb, c, 'EADDRINUSE');
	w.listener = tcb;
	w.listenerGen++;
	tcb.listenerGen = w.listenerGen;
	tcb.conn = 0; // a listener belongs to no connection
	w.eps.server = tcb;
	return applyCall(tcb, c, ctxFor(w, tcb));
}

/** A host that reboots or powers off takes every socket with it: the one the call names first, then the rest (no segment: RFC 9293 3.10.7.1 only when it comes back, a RST to what arrives). */
function hostDown(w: World, tcb: Tcb, c: Call): string {
	const others = w.socks.filter(s => s.side === tcb.side && s !== tcb && (live(s) || s.state === 'LISTEN'));
	const result = applyCall(tcb, c, ctxFor(w, tcb));
	for (const s of others) setState(s, 'CLOSED', c.name === 'crash' ? 'crash' : 'power off', ctxFor(w, s));
	for (const s of others) s.timers = {};
	if (tcb.side === 'server') w.listener = null;
	if (c.name === 'poweroff') w.off[tcb.side] = true; // from now on nothing reaches it (the peer finds out by timeouts)
	return result;
}
