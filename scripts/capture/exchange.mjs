#!/usr/bin/env node
// Runs ONE TCP exchange variant on 127.0.0.1, with a server and a client in
// the same process, so that tcpdump (see capture.sh) can record what the Linux
// kernel really puts on the wire.
//
//   node scripts/capture/exchange.mjs VARIANT PORT
//
// No dependencies: node:net for the sockets. If the environment variable
// SS_LOG is set to a file path, `ss -tan` snapshots of the connection are
// appended to that file at a few moments (node:child_process; see ss()). Every run stops by itself within ~10 s.
//
// Node API notes (where Node, not TCP, decides something):
// - A net.Server/Socket with the default allowHalfOpen: false calls end()
//   by itself as soon as 'end' (the peer's FIN) arrives. Variants that must
//   keep their side open after the peer's FIN use allowHalfOpen: true and
//   call end() explicitly. `basic` also uses allowHalfOpen: true on the server
//   and calls end() inside the 'end' handler: the same as Node's default.
// - socket.end() = shutdown(SHUT_WR) once the write queue is flushed (FIN);
//   the fd is close()d later, when both directions are done.
// - socket.destroy() = close(fd) at once. If received data is still unread in
//   the kernel buffer, Linux answers close() with RST instead of FIN.
// - pauseOnConnect: true is the only way to make sure Node never reads from an
//   accepted socket (socket.pause() in 'connection' may come after libuv has
//   already started reading).
// - socket.resetAndDestroy() sets SO_LINGER {on, 0} and closes: RST.

import net from 'node:net';
import {execFileSync} from 'node:child_process';
import {appendFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';

export const VARIANTS = {
	basic:
		'Client connects, writes 100 bytes; server reads them and writes 200 bytes; client, having received 200 bytes, calls end(); server calls end() in its \'end\' handler at once.',
	'close-late':
		'As basic, but the server waits 300 ms after \'end\' (the client\'s FIN) before calling end() (server allowHalfOpen: true).',
	'closed-port': 'Client connects to a port with no listener.',
	'unread-close':
		'Client writes 100 bytes; the server never reads them (pauseOnConnect: true) and calls destroy() (close(fd)) 100 ms after the connection, with the 100 bytes unread in the kernel buffer.',
	abort:
		'As basic up to the 100/200 exchange, then the client calls socket.resetAndDestroy() (SO_LINGER 0 + close) instead of end().',
	'half-close':
		'Client writes 100 bytes and calls end() at once (half-close); the server reads, and after \'end\' still writes 200 bytes, then end() 50 ms later; the client reads everything and closes when its \'end\' arrives (allowHalfOpen: true on both sides).',
	'data-burst':
		'Client writes 100 bytes three times, 100 ms apart; the server only reads. 100 ms after the third write the client calls end(); the server calls end() on \'end\'.',
	'server-idle-close-wait':
		'Client calls end() right after connecting (no data); the server (allowHalfOpen: true) waits 500 ms after \'end\' before calling end(): FIN-WAIT-2 / CLOSE-WAIT in between.',
};

const HOST = '127.0.0.1';
const t0 = process.hrtime.bigint();
const ms = () => (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1);
const log = (who, msg) => console.log(`${ms().padStart(7)} ms  ${who.padEnd(6)} ${msg}`);
const sleep = (n) => new Promise((r) => setTimeout(r, n));
const bytes = (n, c) => Buffer.alloc(n, c);

let PORT = 0;
let clientPort = 0;
const ssLog = process.env.SS_LOG || '';
/**
 * `ss -tan` snapshot of this port's sockets, labelled, appended to SS_LOG.
 * Synchronous on purpose: spawning ss takes longer than a whole loopback
 * exchange, so an async snapshot would only ever see TIME-WAIT. While ss runs,
 * this process (both ends) is blocked but the kernel keeps going, so the
 * snapshot shows the kernel states at that moment; the run is a few ms slower,
 * which is why capture.sh takes the snapshots in a separate, uncaptured run.
 */
function ss(label) {
	if (!ssLog) return;
	const at = ms();
	let out;
	try {
		// Only this connection (and the listener): earlier runs on the same
		// port may have left TIME-WAIT sockets behind (60 s on Linux).
		const filter = clientPort
			? `( sport = :${PORT} and dport = :${clientPort} ) or ( sport = :${clientPort} and dport = :${PORT} ) or ( sport = :${PORT} and dport = :0 )`
			: `sport = :${PORT} or dport = :${PORT}`;
		out = execFileSync('ss', ['-tan', filter], {encoding: 'utf8'});
	} catch (e) {
		out = String(e);
	}
	appendFileSync(ssLog, `# ${label} (t=${at} ms)\n${out}\n`);
}

function listen(opts, onConn) {
	return new Promise((resolve, reject) => {
		const server = net.createServer(opts, onConn);
		server.on('error', reject);
		server.listen(PORT, HOST, () => resolve(server));
	});
}

function connect(opts = {}) {
	const c = net.connect({host: HOST, port: PORT, ...opts});
	c.on('connect', () => {
		clientPort = c.localPort;
		log('client', `connected from port ${c.localPort}`);
	});
	c.on('error', (e) => log('client', `error ${e.code}`));
	c.on('end', () => log('client', "'end' (FIN received)"));
	c.on('close', () => log('client', "'close'"));
	return c;
}

function watchServerSide(s) {
	s.on('error', (e) => log('server', `error ${e.code}`));
	s.on('close', () => log('server', "'close'"));
}

/** Collect `n` bytes on a socket, then call `fn`. */
function onBytes(sock, who, n, fn) {
	let got = 0;
	sock.on('data', (d) => {
		got += d.length;
		log(who, `read ${d.length} (total ${got})`);
		if (got >= n && got - d.length < n) fn();
	});
}

const closed = (sock) => new Promise((r) => (sock.destroyed && sock.closed ? r() : sock.once('close', r)));

const run = {
	async basic() {
		let serverSock;
		const server = await listen({allowHalfOpen: true}, (s) => {
			serverSock = s;
			watchServerSide(s);
			onBytes(s, 'server', 100, () => {
				log('server', 'write 200');
				s.write(bytes(200, 's'));
			});
			s.on('end', () => {
				log('server', "'end' (FIN received) -> end()");
				ss("server got 'end' (before its end())");
				s.end();
			});
		});
		const c = connect();
		c.on('connect', () => {
			ss('client connected');
			log('client', 'write 100');
			c.write(bytes(100, 'c'));
		});
		onBytes(c, 'client', 200, () => {
			log('client', 'end()');
			c.end();
		});
		await closed(c);
		if (serverSock) await closed(serverSock);
		ss('both sockets closed');
		await sleep(100);
		ss('100 ms after both closed');
		server.close();
	},

	async 'close-late'() {
		let serverSock;
		const server = await listen({allowHalfOpen: true}, (s) => {
			serverSock = s;
			watchServerSide(s);
			onBytes(s, 'server', 100, () => {
				log('server', 'write 200');
				s.write(bytes(200, 's'));
			});
			s.on('end', async () => {
				log('server', "'end' (FIN received), waiting 300 ms");
				await sleep(10);
				ss("10 ms after server got FIN (its ACK of the FIN is still delayed)");
				await sleep(140);
				ss('150 ms after server got FIN');
				await sleep(150);
				log('server', 'end()');
				s.end();
			});
		});
		const c = connect();
		c.on('connect', () => {
			log('client', 'write 100');
			c.write(bytes(100, 'c'));
		});
		onBytes(c, 'client', 200, () => {
			log('client', 'end()');
			c.end();
		});
		await closed(c);
		if (serverSock) await closed(serverSock);
		ss('both sockets closed');
		server.close();
	},

	async 'closed-port'() {
		const c = connect();
		await closed(c);
	},

	async 'unread-close'() {
		let serverSock;
		const server = await listen({pauseOnConnect: true}, async (s) => {
			serverSock = s;
			watchServerSide(s);
			log('server', 'connection (paused, never read)');
			await sleep(100);
			log('server', 'destroy() with 100 unread bytes');
			s.destroy();
		});
		const c = connect();
		c.on('connect', () => {
			log('client', 'write 100');
			c.write(bytes(100, 'c'));
		});
		c.on('data', (d) => log('client', `read ${d.length}`));
		await closed(c);
		if (serverSock) await closed(serverSock);
		server.close();
	},

	async abort() {
		let serverSock;
		const server = await listen({allowHalfOpen: true}, (s) => {
			serverSock = s;
			watchServerSide(s);
			onBytes(s, 'server', 100, () => {
				log('server', 'write 200');
				s.write(bytes(200, 's'));
			});
			s.on('end', () => log('server', "'end'"));
		});
		const c = connect();
		c.on('connect', () => {
			log('client', 'write 100');
			c.write(bytes(100, 'c'));
		});
		onBytes(c, 'client', 200, () => {
			log('client', 'resetAndDestroy()');
			c.resetAndDestroy();
		});
		await closed(c);
		if (serverSock) await closed(serverSock);
		server.close();
	},

	async 'half-close'() {
		let serverSock;
		const server = await listen({allowHalfOpen: true}, (s) => {
			serverSock = s;
			watchServerSide(s);
			s.on('data', (d) => log('server', `read ${d.length}`));
			s.on('end', async () => {
				log('server', "'end' (FIN received) -> write 200");
				s.write(bytes(200, 's'));
				await sleep(50);
				log('server', 'end()');
				s.end();
			});
		});
		const c = connect({allowHalfOpen: true});
		c.on('connect', () => {
			log('client', 'write 100, end()');
			c.write(bytes(100, 'c'));
			c.end();
		});
		c.on('data', (d) => log('client', `read ${d.length}`));
		// The write side is already ended, so after 'end' Node destroys the
		// socket by itself (autoDestroy); nothing else to call.
		await closed(c);
		if (serverSock) await closed(serverSock);
		server.close();
	},

	async 'data-burst'() {
		let serverSock;
		const server = await listen({allowHalfOpen: true}, (s) => {
			serverSock = s;
			watchServerSide(s);
			s.on('data', (d) => log('server', `read ${d.length}`));
			s.on('end', () => {
				log('server', "'end' -> end()");
				s.end();
			});
		});
		const c = connect();
		await new Promise((r) => c.once('connect', r));
		for (let i = 0; i < 3; i++) {
			if (i) await sleep(100);
			log('client', `write 100 (#${i + 1})`);
			c.write(bytes(100, 'c'));
		}
		await sleep(100);
		log('client', 'end()');
		c.end();
		await closed(c);
		if (serverSock) await closed(serverSock);
		server.close();
	},

	async 'server-idle-close-wait'() {
		let serverSock;
		const server = await listen({allowHalfOpen: true}, (s) => {
			serverSock = s;
			watchServerSide(s);
			s.on('end', async () => {
				log('server', "'end' (FIN received), idle 500 ms");
				await sleep(250);
				ss('250 ms after the client FIN');
				await sleep(250);
				log('server', 'end()');
				s.end();
			});
		});
		const c = connect();
		c.on('connect', () => {
			log('client', 'end()');
			c.end();
		});
		await closed(c);
		if (serverSock) await closed(serverSock);
		ss('both sockets closed');
		server.close();
	},
};

async function main() {
	const [variant, portArg] = process.argv.slice(2);
	if (!run[variant] || !/^\d+$/.test(portArg ?? '')) {
		console.error(`usage: node scripts/capture/exchange.mjs VARIANT PORT\nvariants: ${Object.keys(run).join(', ')}`);
		process.exit(2);
	}
	PORT = Number(portArg);
	const watchdog = setTimeout(() => {
		log('main', 'TIMEOUT after 8 s');
		process.exit(1);
	}, 8000);
	watchdog.unref();
	log('main', `variant ${variant} on ${HOST}:${PORT}`);
	await run[variant]();
	// Let the last segments (final ACK) go out before the process exits.
	await sleep(200);
	log('main', 'done');
	process.exit(0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((e) => {
		console.error(e);
		process.exit(1);
	});
}
