// From a captured frame to a TCP segment: the link layer (Ethernet with VLAN tags, Linux cooked
// SLL and SLL2, raw IP, BSD loopback in either byte order), IPv4 or IPv6 (extension headers
// skipped), then the TCP header. A frame that holds no TCP segment is skipped, not an error.
import type {Frame} from './pcap.js';

export type TcpPacket = {
	readonly t: number;
	readonly src: string;
	readonly sport: number;
	readonly dst: string;
	readonly dport: number;
	readonly seq: number;
	readonly ack: number;
	/** TCP's flag bits: FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20. */
	readonly flags: number;
	readonly win: number;
	/** Payload bytes on the wire (from the IP length: a snapshot length may have cut the capture). */
	readonly len: number;
};

export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const PSH = 0x08;
export const ACK = 0x10;
export const URG = 0x20;

/** Link types (tcpdump.org/linktypes.html) this reader knows, by name for messages. */
export const LINK_TYPES: Readonly<Record<number, string>> = {
	0: 'BSD loopback', 1: 'Ethernet', 12: 'raw IP', 14: 'raw IP', 101: 'raw IP', 108: 'OpenBSD loopback',
	113: 'Linux cooked (SLL)', 228: 'raw IPv4', 229: 'raw IPv6', 276: 'Linux cooked (SLL2)',
};

/** The frame's TCP segment, or a reason it has none. */
export function decode(f: Frame): TcpPacket | string {
	const d = f.data;
	switch (f.linkType) {
		case 0: // DLT_NULL: the address family in the capturing host's byte order
		case 108: { // DLT_LOOP: in network byte order
			if (d.length < 4) return 'short loopback header';
			const family = f.linkType === 108 ? d.readUInt32BE(0) : Math.min(d.readUInt32LE(0), d.readUInt32BE(0));
			if (family === 2) return ipv4(f, 4);
			if (family === 24 || family === 28 || family === 30 || family === 10) return ipv6(f, 4); // the BSDs' and Linux's AF_INET6
			return 'not IP';
		}
		case 1: {
			let at = 12;
			let type = d.length >= 14 ? d.readUInt16BE(12) : 0;
			while ((type === 0x8100 || type === 0x88a8) && d.length >= at + 6) { // 802.1Q and 802.1ad tags
				at += 4;
				type = d.readUInt16BE(at);
			}
			return byEtherType(f, type, at + 2);
		}
		case 12: case 14: case 101: return ipByVersion(f, 0);
		case 228: return ipv4(f, 0);
		case 229: return ipv6(f, 0);
		case 113: return d.length < 16 ? 'short SLL header' : byEtherType(f, d.readUInt16BE(14), 16);
		case 276: return d.length < 20 ? 'short SLL2 header' : byEtherType(f, d.readUInt16BE(0), 20);
		default: return `link type ${f.linkType}`;
	}
}

function byEtherType(f: Frame, type: number, at: number): TcpPacket | string {
	if (type === 0x0800) return ipv4(f, at);
	if (type === 0x86dd) return ipv6(f, at);
	return 'not IP';
}

function ipByVersion(f: Frame, at: number): TcpPacket | string {
	const v = (f.data[at] ?? 0) >> 4;
	return v === 4 ? ipv4(f, at) : v === 6 ? ipv6(f, at) : 'not IP';
}

function ipv4(f: Frame, at: number): TcpPacket | string {
	const d = f.data;
	if (d.length < at + 20 || d[at]! >> 4 !== 4) return 'short or bad IPv4 header';
	const ihl = (d[at]! & 0x0f) * 4;
	if (ihl < 20 || d[at + 9] !== 6) return 'not TCP';
	if ((d.readUInt16BE(at + 6) & 0x1fff) !== 0) return 'an IP fragment';
	// A total length of 0 is what a segmentation offload leaves in a capture: take the captured length.
	const total = d.readUInt16BE(at + 2) || f.origLen - at;
	const src = `${d[at + 12]}.${d[at + 13]}.${d[at + 14]}.${d[at + 15]}`;
	const dst = `${d[at + 16]}.${d[at + 17]}.${d[at + 18]}.${d[at + 19]}`;
	return tcp(f, at + ihl, total - ihl, src, dst);
}

function ipv6(f: Frame, at: number): TcpPacket | string {
	const d = f.data;
	if (d.length < at + 40 || d[at]! >> 4 !== 6) return 'short or bad IPv6 header';
	let next = d[at + 6]!;
	let left = d.readUInt16BE(at + 4) || f.origLen - at - 40;
	let o = at + 40;
	// Extension headers: hop-by-hop, routing, fragment, destination options, authentication.
	for (let hops = 0; next !== 6 && hops < 8; hops++) {
		if (d.length < o + 8) return 'short IPv6 extension header';
		let size: number;
		if (next === 0 || next === 43 || next === 60) size = (d[o + 1]! + 1) * 8;
		else if (next === 44) {
			if ((d.readUInt16BE(o + 2) & 0xfff8) !== 0) return 'an IP fragment';
			size = 8;
		} else if (next === 51) size = (d[o + 1]! + 2) * 4;
		else return 'not TCP';
		next = d[o]!;
		o += size;
		left -= size;
	}
	if (next !== 6) return 'not TCP';
	return tcp(f, o, left, ipv6Text(d, at + 8), ipv6Text(d, at + 24));
}

function tcp(f: Frame, at: number, ipPayload: number, src: string, dst: string): TcpPacket | string {
	const d = f.data;
	if (d.length < at + 20) return 'short TCP header';
	const off = (d[at + 12]! >> 4) * 4;
	if (off < 20) return 'bad TCP header length';
	return {
		t: f.t, src, dst, sport: d.readUInt16BE(at), dport: d.readUInt16BE(at + 2),
		seq: d.readUInt32BE(at + 4), ack: d.readUInt32BE(at + 8), flags: d[at + 13]! & 0x3f,
		win: d.readUInt16BE(at + 14), len: Math.max(0, ipPayload - off),
	};
}

/** RFC 5952 text: lowercase, the longest run of two or more zero groups as "::". */
export function ipv6Text(d: Buffer, at: number): string {
	const groups = Array.from({length: 8}, (_, i) => d.readUInt16BE(at + 2 * i));
	let best = -1;
	let bestLen = 1;
	for (let i = 0; i < 8;) {
		let j = i;
		while (j < 8 && groups[j] === 0) j++;
		if (j - i > bestLen) {
			best = i;
			bestLen = j - i;
		}
		i = j === i ? i + 1 : j;
	}
	const hex = (gs: number[]) => gs.map(g => g.toString(16)).join(':');
	if (best < 0) return hex(groups);
	return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}
