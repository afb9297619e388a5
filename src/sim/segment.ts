// A segment carries one control (none, SYN, FIN or RST) plus an optional ACK, so that a
// nonsense flag set (SYN+FIN, SYN+RST) cannot be built (after smoltcp's TcpControl).

export type Side = 'client' | 'server';
export type Control = 'SYN' | 'FIN' | 'RST' | null;
export type Flag = 'ACK' | 'FIN' | 'PSH' | 'RST' | 'SYN' | 'URG';

/** Flags in the order the trace prints them (alphabetical). */
export const FLAG_ORDER: readonly Flag[] = ['ACK', 'FIN', 'PSH', 'RST', 'SYN', 'URG'];

export type Segment = {
	readonly seq: number;
	/** The acknowledgment number, or null when the ACK flag is not set. */
	readonly ack: number | null;
	readonly ctl: Control;
	/** Payload length in bytes (a FIN may ride on data). */
	readonly len: number;
	readonly win: number;
	/** PSH: false on data segments that do not end a write (Linux pushes only the last one). */
	readonly psh?: boolean;
	/** A SACK block rides on this ACK: the sender holds data beyond the ack number (RFC 2018; Linux's default). */
	readonly sack?: boolean;
};

export function peerOf(side: Side): Side {
	return side === 'client' ? 'server' : 'client';
}

/** The segment's flags, sorted. PSH marks the data segment that ends a write (Linux tcp_push sets it on the last one). */
export function flagsOf(seg: Segment): Flag[] {
	const flags: Flag[] = [];
	if (seg.ack !== null) flags.push('ACK');
	if (seg.ctl === 'FIN') flags.push('FIN');
	if (seg.len > 0 && seg.psh !== false) flags.push('PSH');
	if (seg.ctl === 'RST') flags.push('RST');
	if (seg.ctl === 'SYN') flags.push('SYN');
	return flags;
}

/** SEG.LEN as RFC 9293 3.4 counts it: data bytes, plus one each for SYN and FIN. */
export function seqLength(seg: Pick<Segment, 'ctl' | 'len'>): number {
	return seg.len + (seg.ctl === 'SYN' || seg.ctl === 'FIN' ? 1 : 0);
}

/** "SYN,ACK seq=5000 ack=1001" — for messages and tests. */
export function describe(seg: Segment): string {
	const parts = [flagsOf(seg).filter(f => f !== 'PSH').sort(ctlFirst).join(',') || '(none)', `seq=${seg.seq}`];
	if (seg.ack !== null) parts.push(`ack=${seg.ack}`);
	if (seg.len > 0) parts.push(`len=${seg.len}`);
	return parts.join(' ');
}

// Humans write "SYN,ACK" and "FIN,ACK": the control flag first, ACK last.
function ctlFirst(a: Flag, b: Flag): number {
	return (a === 'ACK' ? 1 : 0) - (b === 'ACK' ? 1 : 0);
}
