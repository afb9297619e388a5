// A captured segment as the simulator's rules see it: which side sent it, and the Segment type of
// src/sim (one control, an optional ACK), plus the flags exactly as they were on the wire.
import type {Flag, Segment, Side} from '../sim/segment.js';
import {ACK, FIN, PSH, RST, SYN, type TcpPacket, URG} from './decode.js';

export type Observation = {
	/** Microseconds since the capture's first packet. */
	readonly t: number;
	readonly from: Side;
	readonly seg: Segment;
	/** The wire's flags, sorted as the trace prints them. */
	readonly flags: Flag[];
	/** More than one of SYN, FIN, RST was set (a nonsense set the simulator cannot build): said in a note. */
	readonly odd: boolean;
};

export function observation(p: TcpPacket, from: Side, t: number): Observation {
	const f = p.flags;
	const ctl = f & RST ? 'RST' : f & SYN ? 'SYN' : f & FIN ? 'FIN' : null;
	const controls = [SYN, FIN, RST].filter(b => f & b).length;
	const seg: Segment = {seq: p.seq, ack: f & ACK ? p.ack : null, ctl, len: p.len, win: p.win, ...(p.len > 0 && !(f & PSH) ? {psh: false} : {})};
	const flags: Flag[] = [];
	if (f & ACK) flags.push('ACK');
	if (f & FIN) flags.push('FIN');
	if (f & PSH) flags.push('PSH');
	if (f & RST) flags.push('RST');
	if (f & SYN) flags.push('SYN');
	if (f & URG) flags.push('URG');
	return {t, from, seg, flags, odd: controls > 1};
}

/** Sequence space the segment occupies (RFC 9293 3.4): data, plus one for SYN or FIN. */
export function spaceOf(seg: Segment): number {
	return seg.len + (seg.ctl === 'SYN' || seg.ctl === 'FIN' ? 1 : 0);
}
