// Splits a capture into connections by four-tuple (a new SYN on a tuple whose connection ended
// starts a new one), names each side by the first SYN, and hands each connection to the observer
// in windows, so that memory holds the live connections and a bounded tail of each, never the file.
import type {Side} from '../sim/segment.js';
import {ACK, FIN, RST, SYN, type TcpPacket} from './decode.js';
import {type ConnectionEvent, type ExplainEvent, endpointText} from './events.js';
import {type Model, advance, endTimeWait, newModel} from './model.js';
import {type Observation, observation} from './observation.js';
import {endNotes, observe} from './observer.js';

/** Segments of one connection held for reading ahead; half are explained when it fills. */
const WINDOW = 4096;
/** A connection idle this long (µs of capture time) is explained and let go: sooner once it has ended. */
const IDLE_ENDED = 5e6;
const IDLE_OPEN = 300e6;
/** At most this many connections are held; beyond it the longest idle are let go. */
const MAX_LIVE = 20_000;
/** How often (in packets) idle connections are looked for. */
const SWEEP_EVERY = 4096;

type Live = {
	readonly key: string;
	readonly model: Model;
	readonly header: ConnectionEvent;
	readonly client: string;
	obs: Observation[];
	lastT: number;
	told: boolean;
	/** A RST, or a FIN from each side: a later SYN starts a new connection. */
	ended: boolean;
	fins: number;
	synSeq: Partial<Record<Side, number>>;
	synced: Partial<Record<Side, boolean>>;
};

export type Sink = (header: ConnectionEvent, events: readonly ExplainEvent[], last: boolean) => void;

export class Splitter {
	private readonly live = new Map<string, Live>();
	private first: number | undefined;
	private conns = 0;
	private packets = 0;
	private nowT = 0;
	/** The capture has been read to its end. */
	private ended = false;

	constructor(private readonly sink: Sink) {}

	/** Seconds from the first packet to the latest. */
	get seconds(): number {
		return this.nowT / 1e6;
	}

	/** Connections seen so far. */
	get connections(): number {
		return this.conns;
	}

	add(p: TcpPacket): void {
		this.first ??= p.t;
		const t = Math.max(0, p.t - this.first);
		this.nowT = Math.max(this.nowT, t);
		const src = endpointText(p.src, p.sport);
		const dst = endpointText(p.dst, p.dport);
		const key = src < dst ? `${src} ${dst}` : `${dst} ${src}`;
		let c = this.live.get(key);
		const syn = (p.flags & (SYN | ACK)) === SYN;
		if (c && syn) {
			const from: Side = c.client === src ? 'client' : 'server';
			const other = c.synSeq[from] !== undefined && c.synSeq[from] !== p.seq && !c.synced[from];
			if (c.ended || other || (c.synSeq[from] === undefined && c.synced[from])) {
				this.commit(c, from);
				c = undefined;
			}
		}
		c ??= this.open(p, src, dst, key);
		const from: Side = c.client === src ? 'client' : 'server';
		if (p.flags & SYN) c.synSeq[from] ??= p.seq;
		else if (p.flags & ACK) c.synced[from] = true;
		if (p.flags & RST) c.ended = true;
		if (p.flags & FIN) c.fins |= from === 'client' ? 1 : 2;
		if (c.fins === 3) c.ended = true;
		c.obs.push(observation(p, from, t));
		c.lastT = t;
		if (c.obs.length >= WINDOW) this.explainHalf(c);
		if (++this.packets % SWEEP_EVERY === 0) this.sweep();
	}

	/** The end of the capture: every connection still held is explained, in the order they began. */
	finish(): void {
		this.ended = true;
		for (const c of [...this.live.values()].sort((a, b) => a.model.conn - b.model.conn)) this.commit(c);
	}

	private open(p: TcpPacket, src: string, dst: string, key: string): Live {
		// The sender of the first SYN is the client; a SYN-ACK's receiver; mid-connection, the higher port.
		const syn = p.flags & SYN;
		const senderIsClient = syn ? !(p.flags & ACK) : p.sport >= p.dport;
		const client = senderIsClient ? src : dst;
		const server = senderIsClient ? dst : src;
		const conn = ++this.conns;
		const c: Live = {
			key, model: newModel(conn), client, obs: [], lastT: 0, told: false, ended: false, fins: 0, synSeq: {}, synced: {},
			header: {type: 'connection', conn, client, server, ...(syn ? {} : {midConnection: true})},
		};
		this.live.set(key, c);
		if (this.live.size > MAX_LIVE) this.sweep(true);
		return c;
	}

	/** Explain the older half of a full window; the newer half stays to be read ahead. */
	private explainHalf(c: Live): void {
		const upto = c.obs.length >> 1;
		const events = observe(c.model, c.obs, upto);
		c.obs = c.obs.slice(upto);
		this.emit(c, events, false);
	}

	private commit(c: Live, newSynFrom?: Side): void {
		// `newSynFrom`: a new SYN on the same four-tuple (from that side) ends this connection's record, and its TIME-WAIT.
		observe(c.model, c.obs);
		advance(c.model, this.nowT); // timers run to where the capture is (TIME-WAIT's 60 s …)
		if (newSynFrom) endTimeWait(c.model, newSynFrom);
		endNotes(c.model, newSynFrom === undefined && this.ended);
		this.emit(c, c.model.events.slice(), true);
		c.obs = [];
		if (this.live.get(c.key) === c) this.live.delete(c.key);
	}

	private emit(c: Live, events: readonly ExplainEvent[], last: boolean): void {
		this.sink(c.header, events, last);
		c.told = true;
		c.model.events.length = 0; // printed: let go
	}

	/** Let go of connections idle long enough (or, when too many are held, the longest idle). */
	private sweep(force = false): void {
		const idle = [...this.live.values()].filter(c => this.nowT - c.lastT > (c.ended ? IDLE_ENDED : IDLE_OPEN));
		for (const c of idle) this.commit(c);
		if (force && this.live.size > MAX_LIVE) {
			const oldest = [...this.live.values()].sort((a, b) => a.lastT - b.lastT).slice(0, this.live.size - MAX_LIVE / 2);
			for (const c of oldest) this.commit(c);
		}
	}
}
