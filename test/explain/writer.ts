// Writes small captures for tests and the bench: pcap (µs or ns, either byte order) and pcapng
// (several interfaces, each with its link type and timestamp resolution), over every link type
// explain reads, with IPv4 or IPv6 inside. Checksums are left 0: nothing here reads them.

export type Seg = {
	readonly t: number; // µs
	readonly src: string;
	readonly sport: number;
	readonly dst: string;
	readonly dport: number;
	readonly seq: number;
	readonly ack: number;
	/** tcpdump's letters: S F R P and . for ACK. */
	readonly flags: string;
	readonly len: number;
};

export type Link = 'ethernet' | 'vlan' | 'sll' | 'sll2' | 'raw' | 'null' | 'null-be' | 'loop';
export const LINK_TYPE: Record<Link, number> = {ethernet: 1, vlan: 1, sll: 113, sll2: 276, raw: 101, null: 0, 'null-be': 0, loop: 108};

function ipBytes(addr: string): Buffer {
	if (!addr.includes(':')) return Buffer.from(addr.split('.').map(Number));
	const [head, tail] = addr.split('::') as [string, string | undefined];
	const groups = (s: string | undefined) => (s ? s.split(':').map(g => parseInt(g, 16)) : []);
	const h = groups(head);
	const t = groups(tail);
	const all = tail === undefined ? h : [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
	const b = Buffer.alloc(16);
	all.forEach((g, i) => b.writeUInt16BE(g, 2 * i));
	return b;
}

export function tcpBytes(s: Seg): Buffer {
	const tcp = Buffer.alloc(20 + s.len);
	tcp.writeUInt16BE(s.sport, 0);
	tcp.writeUInt16BE(s.dport, 2);
	tcp.writeUInt32BE(s.seq >>> 0, 4);
	tcp.writeUInt32BE(s.ack >>> 0, 8);
	tcp[12] = 5 << 4;
	let f = 0;
	for (const [c, bit] of [['F', 1], ['S', 2], ['R', 4], ['P', 8], ['.', 16]] as const) if (s.flags.includes(c)) f |= bit;
	tcp[13] = f;
	tcp.writeUInt16BE(65535, 14);
	return tcp;
}

export function ipPacket(s: Seg): Buffer {
	const tcp = tcpBytes(s);
	if (s.src.includes(':')) {
		const h = Buffer.alloc(40);
		h[0] = 0x60;
		h.writeUInt16BE(tcp.length, 4);
		h[6] = 6;
		h[7] = 64;
		ipBytes(s.src).copy(h, 8);
		ipBytes(s.dst).copy(h, 24);
		return Buffer.concat([h, tcp]);
	}
	const h = Buffer.alloc(20);
	h[0] = 0x45;
	h.writeUInt16BE(20 + tcp.length, 2);
	h[8] = 64;
	h[9] = 6;
	ipBytes(s.src).copy(h, 12);
	ipBytes(s.dst).copy(h, 16);
	return Buffer.concat([h, tcp]);
}

export function frame(s: Seg, link: Link): Buffer {
	const ip = ipPacket(s);
	const v6 = s.src.includes(':');
	const etherType = v6 ? 0x86dd : 0x0800;
	switch (link) {
		case 'ethernet': case 'vlan': {
			const tag = link === 'vlan' ? Buffer.from([0x81, 0x00, 0x00, 0x07]) : Buffer.alloc(0);
			const type = Buffer.alloc(2);
			type.writeUInt16BE(etherType);
			return Buffer.concat([Buffer.alloc(12, 0xaa), tag, type, ip]);
		}
		case 'sll': {
			const h = Buffer.alloc(16);
			h.writeUInt16BE(772, 2); // ARPHRD_LOOPBACK
			h.writeUInt16BE(6, 4);
			h.writeUInt16BE(etherType, 14);
			return Buffer.concat([h, ip]);
		}
		case 'sll2': {
			const h = Buffer.alloc(20);
			h.writeUInt16BE(etherType, 0);
			h.writeUInt32BE(1, 4);
			h.writeUInt16BE(772, 8);
			h[11] = 6;
			return Buffer.concat([h, ip]);
		}
		case 'raw': return ip;
		case 'null': case 'null-be': case 'loop': {
			const h = Buffer.alloc(4);
			const family = v6 ? 30 : 2; // macOS's AF_INET6 is 30
			if (link === 'null') h.writeUInt32LE(family);
			else h.writeUInt32BE(family);
			return Buffer.concat([h, ip]);
		}
	}
}

export function pcap(segs: readonly Seg[], link: Link, o: {nano?: boolean; bigEndian?: boolean} = {}): Buffer {
	const w32 = (b: Buffer, v: number, at: number) => (o.bigEndian ? b.writeUInt32BE(v >>> 0, at) : b.writeUInt32LE(v >>> 0, at));
	const head = Buffer.alloc(24);
	w32(head, o.nano ? 0xa1b23c4d : 0xa1b2c3d4, 0);
	if (o.bigEndian) {
		head.writeUInt16BE(2, 4);
		head.writeUInt16BE(4, 6);
	} else {
		head.writeUInt16LE(2, 4);
		head.writeUInt16LE(4, 6);
	}
	w32(head, 262144, 16);
	w32(head, LINK_TYPE[link], 20);
	const parts: Buffer[] = [head];
	for (const s of segs) {
		const data = frame(s, link);
		const r = Buffer.alloc(16);
		w32(r, Math.floor(s.t / 1e6) + 1_700_000_000, 0);
		w32(r, o.nano ? (s.t % 1e6) * 1000 : s.t % 1e6, 4);
		w32(r, data.length, 8);
		w32(r, data.length, 12);
		parts.push(r, data);
	}
	return Buffer.concat(parts);
}

function block(type: number, body: Buffer): Buffer {
	const pad = Buffer.alloc((4 - (body.length % 4)) % 4);
	const len = 12 + body.length + pad.length;
	const h = Buffer.alloc(8);
	h.writeUInt32LE(type, 0);
	h.writeUInt32LE(len, 4);
	const t = Buffer.alloc(4);
	t.writeUInt32LE(len);
	return Buffer.concat([h, body, pad, t]);
}

/** A pcapng section with one interface per entry of `links` (if_tsresol µs, ns, 2^-20 s in turn); segment k goes out on interface k mod n. */
export function pcapng(segs: readonly Seg[], links: readonly Link[]): Buffer {
	const shb = Buffer.alloc(16);
	shb.writeUInt32LE(0x1a2b3c4d, 0);
	shb.writeUInt16LE(1, 4);
	shb.writeBigInt64LE(-1n, 8);
	const parts: Buffer[] = [block(0x0a0d0d0a, shb)];
	const resol = links.map((_, i) => [6, 9, 0x94][i % 3]!);
	links.forEach((link, i) => {
		const idb = Buffer.alloc(16);
		idb.writeUInt16LE(LINK_TYPE[link], 0);
		idb.writeUInt32LE(262144, 4);
		idb.writeUInt16LE(9, 8); // if_tsresol
		idb.writeUInt16LE(1, 10);
		idb[12] = resol[i]!;
		// then opt_endofopt (4 zero bytes at 16..) is implied by the end of the options
		parts.push(block(1, idb));
	});
	segs.forEach((s, k) => {
		const i = k % links.length;
		const data = frame(s, links[i]!);
		const units = resol[i]! & 0x80 ? 2 ** (resol[i]! & 0x7f) : 10 ** resol[i]!;
		const ts = BigInt(1_700_000_000) * BigInt(units) + BigInt(Math.round((s.t / 1e6) * units));
		const epb = Buffer.alloc(20);
		epb.writeUInt32LE(i, 0);
		epb.writeUInt32LE(Number(ts >> 32n), 4);
		epb.writeUInt32LE(Number(ts & 0xffffffffn), 8);
		epb.writeUInt32LE(data.length, 12);
		epb.writeUInt32LE(data.length, 16);
		parts.push(block(6, Buffer.concat([epb, data])));
	});
	return Buffer.concat(parts);
}

/** A whole connection: handshake, data both ways, a three-segment close (as Linux does it). */
export function exchange(c: {client: string; cport: number; server: string; sport: number; t0?: number; cisn?: number; sisn?: number}): Seg[] {
	const t0 = c.t0 ?? 0;
	const ci = c.cisn ?? 1000;
	const si = c.sisn ?? 5000;
	const up = (t: number, seq: number, ack: number, flags: string, len = 0): Seg => ({t: t0 + t, src: c.client, sport: c.cport, dst: c.server, dport: c.sport, seq, ack, flags, len});
	const down = (t: number, seq: number, ack: number, flags: string, len = 0): Seg => ({t: t0 + t, src: c.server, sport: c.sport, dst: c.client, dport: c.cport, seq, ack, flags, len});
	return [
		up(0, ci, 0, 'S'), down(10, si, ci + 1, 'S.'), up(20, ci + 1, si + 1, '.'),
		up(30, ci + 1, si + 1, 'P.', 100), down(40, si + 1, ci + 101, '.'), down(50, si + 1, ci + 101, 'P.', 200), up(60, ci + 101, si + 201, '.'),
		up(70, ci + 101, si + 201, 'F.'), down(80, si + 201, ci + 102, 'F.'), up(90, ci + 102, si + 202, '.'),
	];
}
