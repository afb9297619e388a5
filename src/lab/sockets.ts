// The scenario's application calls on real sockets: Node's net on 127.0.0.1, no privileges. Every
// socket starts paused, so data stays unread in the kernel until a `read` step (closing with unread
// data must send RST, as the simulator says); half-open is allowed, so a peer's FIN never makes Node
// close on its own. Sockets are named as the simulator names them: side and connection number.
import net from 'node:net';
import {setTimeout as sleep} from 'node:timers/promises';

const HOST = '127.0.0.1';
/** How long a call waits for Node to see a connection the kernel already has (accept, connect). */
const SETTLE_MS = 300;

/** A free port on loopback, found by binding port 0 (the scenario's own port, 80, needs root). */
export async function freePort(): Promise<number> {
	const s = net.createServer();
	await new Promise<void>((resolve, reject) => {
		s.once('error', reject);
		s.listen(0, HOST, resolve);
	});
	const {port} = s.address() as net.AddressInfo;
	await new Promise(resolve => s.close(resolve));
	return port;
}

type Conn = {
	/** The client's port: the four-tuple is (clientPort, serverPort). */
	clientPort?: number;
	client?: net.Socket;
	/** Writes Node has not yet handed to the kernel. */
	writes: Promise<unknown>[];
	serverWrites: Promise<unknown>[];
};

export type Tuple = {readonly local: number; readonly remote: number};

export class RealSockets {
	private server: net.Server | undefined;
	/** Server-side sockets Node accepted, by the client's port. */
	private readonly accepted = new Map<number, net.Socket>();
	private readonly conns = new Map<number, Conn>();
	/** Errors the application would see (ECONNREFUSED, ECONNRESET, EPIPE): expected, never thrown. */
	readonly errors: string[] = [];

	/** `clientPort`: the port a client binds (the scenario's client.port, moved to a free one). */
	constructor(readonly serverPort: number, private readonly clientPort?: number, private readonly recvQ?: (t: Tuple) => Promise<number | undefined>) {}

	/** The four-tuple of a socket by the simulator's name: a client's or a server's end of `conn`, the listener (server, 0). */
	tuple(side: 'client' | 'server', conn: number): Tuple | undefined {
		if (side === 'server' && conn === 0) return {local: this.serverPort, remote: 0};
		const port = this.conns.get(conn)?.clientPort;
		if (port === undefined) return undefined;
		return side === 'client' ? {local: port, remote: this.serverPort} : {local: this.serverPort, remote: port};
	}

	get listening(): boolean {
		return this.server?.listening === true;
	}

	async listen(backlog?: number): Promise<void> {
		if (this.server?.listening) return; // listen() again on a listener only sets its backlog
		const server = net.createServer({pauseOnConnect: true, allowHalfOpen: true});
		server.on('connection', s => {
			s.on('error', e => this.errors.push((e as NodeJS.ErrnoException).code ?? e.message));
			if (s.remotePort !== undefined) this.accepted.set(s.remotePort, s);
		});
		await new Promise<void>(resolve => {
			server.once('error', e => {
				this.errors.push((e as NodeJS.ErrnoException).code ?? e.message);
				resolve();
			});
			server.listen({port: this.serverPort, host: HOST, ...(backlog === undefined ? {} : {backlog})}, () => resolve());
		});
		this.server = server;
	}

	/** close() on the listening socket: the kernel drops its requests; the connections Node accepted stay. */
	closeListener(): void {
		this.server?.close();
	}

	/** connect() for connection `conn`; resolves once it is connected or refused (or after a moment in SYN-SENT). */
	async connect(conn: number): Promise<void> {
		const socket = net.connect({port: this.serverPort, host: HOST, allowHalfOpen: true,
			...(this.clientPort === undefined ? {} : {localAddress: HOST, localPort: this.clientPort})});
		socket.pause(); // no read() until a read step: received data stays in the kernel
		const c: Conn = {client: socket, writes: [], serverWrites: []};
		this.conns.set(conn, c);
		socket.on('error', e => this.errors.push((e as NodeJS.ErrnoException).code ?? e.message));
		const done = new Promise<void>(resolve => {
			socket.once('connect', () => resolve());
			socket.once('error', () => resolve());
			setTimeout(resolve, SETTLE_MS).unref();
		});
		// The port is bound when connect() is issued (next tick for an address): read it as soon as it is.
		for (let i = 0; i < 50 && c.clientPort === undefined; i++) {
			c.clientPort = socket.localPort;
			if (c.clientPort === undefined) await new Promise(r => setImmediate(r));
		}
		await done;
		c.clientPort ??= socket.localPort;
	}

	/** The socket of a client's or server's end of `conn`, waiting a moment for Node to accept it. */
	private async socket(side: 'client' | 'server', conn: number): Promise<net.Socket | undefined> {
		const c = this.conns.get(conn);
		if (side === 'client') return c?.client;
		if (c?.clientPort === undefined) return undefined;
		for (let waited = 0; !this.accepted.has(c.clientPort) && waited < SETTLE_MS; waited += 5) await sleep(5);
		return this.accepted.get(c.clientPort);
	}

	private writesOf(side: 'client' | 'server', conn: number): Promise<unknown>[] {
		const c = this.conns.get(conn);
		return c ? (side === 'client' ? c.writes : c.serverWrites) : [];
	}

	async send(side: 'client' | 'server', conn: number, bytes: number): Promise<void> {
		const s = await this.socket(side, conn);
		if (!s || s.destroyed || s.writableEnded) return; // EPIPE or EBADF, as the simulator says
		const written = new Promise(resolve => s.write(Buffer.alloc(bytes, 0x61), resolve));
		this.writesOf(side, conn).push(written);
		// On loopback a write reaches the kernel at once, unless Node still waits for the connection.
		await Promise.race([written, sleep(SETTLE_MS)]);
	}

	/** read(): take every byte the kernel holds for this socket (and the peer's FIN), then stop reading again. */
	async read(side: 'client' | 'server', conn: number): Promise<void> {
		const s = await this.socket(side, conn);
		const tuple = this.tuple(side, conn);
		if (!s || s.destroyed || !tuple) return;
		let ended = false;
		const onData = () => {};
		const onEnd = () => { ended = true; };
		s.on('data', onData);
		s.once('end', onEnd);
		s.resume(); // a socket paused on purpose does not start flowing with a 'data' listener alone
		for (let waited = 0; waited < SETTLE_MS && !ended; waited += 2) {
			await sleep(2);
			if ((await this.recvQ?.(tuple)) === 0) break;
		}
		s.off('data', onData);
		s.off('end', onEnd);
		stopReading(s);
	}

	/** shutdown(SHUT_WR): end() sends the FIN once Node's writes are out. */
	async shutdown(side: 'client' | 'server', conn: number): Promise<void> {
		const s = await this.socket(side, conn);
		if (!s || s.destroyed || s.writableEnded) return;
		await new Promise<void>(resolve => {
			s.end(() => resolve());
			setTimeout(resolve, SETTLE_MS).unref();
		});
	}

	/** close(): once Node's writes are in the kernel, close the descriptor (FIN, or RST with data unread: the kernel decides). */
	async close(side: 'client' | 'server', conn: number): Promise<void> {
		const s = await this.socket(side, conn);
		if (!s || s.destroyed) return;
		await Promise.race([Promise.all(this.writesOf(side, conn)), sleep(SETTLE_MS)]);
		s.destroy();
	}

	/** SO_LINGER 0 and close(): an RST, no TIME-WAIT. */
	async abort(side: 'client' | 'server', conn: number): Promise<void> {
		const s = await this.socket(side, conn);
		if (!s || s.destroyed) return;
		s.resetAndDestroy();
	}

	/** Every socket closed at once (at the end of a run, or on an error). */
	dispose(): void {
		for (const c of this.conns.values()) c.client?.destroy();
		for (const s of this.accepted.values()) s.destroy();
		this.server?.close();
	}
}

/** Stop taking bytes from the kernel. pause() alone does not (Node keeps filling its own buffer); readStop() on the handle does, as pause() does for a socket with `onread`. */
function stopReading(s: net.Socket): void {
	s.pause();
	const handle = (s as unknown as {_handle?: {reading?: boolean; readStop?: () => number}})._handle;
	if (handle?.readStop && handle.reading) {
		handle.reading = false;
		handle.readStop();
	}
}
