// Which captured segments never reached the other side. A capture shows what left (or passed the
// capture point), not what arrived; the evidence that something was lost comes later in the capture,
// and these rules read ahead for it (Wireshark's analysis reads the same evidence):
//   1. a segment sent again before the other side acknowledged it was lost (the sender's timer ran out);
//   2. a pure ACK after which the other side still sends again what it acknowledged was lost (or,
//      as a listener with a full accept queue does, ignored: for the states, the same);
//   3. a SYN or SYN-ACK after which the other side sends nothing at all was lost or went to an
//      address that does not answer (a spoofed source);
//   4. a keepalive probe (an ACK one below what the sender sent) the other side does not answer
//      before the sender's next segment was lost;
//   5. a segment the other side never acknowledges, though it goes on sending, was lost;
//   6. once two ACKs of one SYN-ACK were ignored (the SYN-ACK came again), the later ACKs of it are
//      ignored too: the listener's accept queue is full (tcp_abort_on_overflow=0), until data comes.
// An RST that the other side goes on as if it never got is judged with the simulator (observer.ts).
import {seqAdd, seqGe} from '../sim/seq.js';
import {type Observation, spaceOf} from './observation.js';

/** How far ahead a rule looks, in segments of the same connection: bounds the work per segment. */
const HORIZON = 2000;

export type Lost = {readonly index: number; readonly why: string; readonly again?: number};

/** For each observation, why it is judged lost (undefined: it arrived). */
export function judgeLosses(obs: readonly Observation[]): (Lost | undefined)[] {
	const out: (Lost | undefined)[] = new Array(obs.length).fill(undefined);
	const sndNxt: Partial<Record<Observation['from'], number>> = {};
	const ignoredAcks = new Map<number, number>(); // a SYN-ACK's seq → ACKs of it that were ignored
	for (let i = 0; i < obs.length; i++) {
		const o = obs[i]!;
		const space = spaceOf(o.seg);
		const next = sndNxt[o.from];
		if (space > 0 && (next === undefined || seqGe(seqAdd(o.seg.seq, space), next))) sndNxt[o.from] = seqAdd(o.seg.seq, space);
		if (space === 0 && o.seg.ctl === null && next !== undefined && o.seg.seq === seqAdd(next, -1) && unanswered(obs, i)) {
			out[i] = {index: i, why: 'a keepalive probe that got no answer'}; // rule 4
			continue;
		}
		if (space === 0 || o.seg.ctl === 'RST') continue;
		const end = seqAdd(o.seg.seq, space);
		let lastAck = -1;
		let answered = false;
		let peerResent = false; // the other side sent something again: what follows may answer it, not a timer
		let acked = false;
		let copied = false;
		let wentOn = false; // the other side sent something besides an RST (an RST may be the answer to it)
		for (let j = i + 1; j < Math.min(obs.length, i + HORIZON); j++) {
			const p = obs[j]!;
			if (p.from !== o.from) {
				answered = true;
				if (p.seg.ctl !== 'RST') wentOn = true;
				if (p.seg.ack !== null && seqGe(p.seg.ack, end)) {
					lastAck = j;
					acked = true;
				}
				if (spaceOf(p.seg) > 0 && resent(obs, j)) peerResent = true;
				continue;
			}
			if (!isCopy(p, o)) continue;
			copied = true;
			if (lastAck < 0) out[i] ??= {index: i, why: 'not acknowledged before it was sent again', again: j}; // rule 1
			else if (!peerResent && spaceOf(obs[lastAck]!.seg) === 0 && obs[lastAck]!.seg.ctl === null) {
				out[lastAck] ??= {index: lastAck, why: `${o.from} sent again what this acknowledged`, again: j}; // rule 2
				if (o.seg.ctl === 'SYN' && o.seg.ack !== null) ignoredAcks.set(o.seg.seq, (ignoredAcks.get(o.seg.seq) ?? 0) + 1);
			}
			break;
		}
		if (!answered && o.seg.ctl === 'SYN' && !out[i] && !laterCopy(obs, i)) out[i] = {index: i, why: 'never answered'}; // rule 3
		else if (wentOn && !acked && !copied && o.seg.ctl !== 'SYN' && !out[i]) out[i] = {index: i, why: 'never acknowledged, though the other side went on'}; // rule 5
		if (!copied && o.seg.ctl === 'SYN' && o.seg.ack !== null && (ignoredAcks.get(o.seg.seq) ?? 0) >= 2) ignoreLaterAcks(obs, i, end, out); // rule 6
	}
	return out;
}

function ignoreLaterAcks(obs: readonly Observation[], i: number, end: number, out: (Lost | undefined)[]): void {
	for (let j = i + 1; j < Math.min(obs.length, i + HORIZON); j++) {
		const p = obs[j]!;
		if (p.from === obs[i]!.from) continue;
		if (spaceOf(p.seg) > 0 || p.seg.ctl !== null || p.seg.ack !== end) return;
		out[j] ??= {index: j, why: 'ignored like the ACKs before it: the listener\'s accept queue is full'};
	}
}

/** `obs[j]` carries sequence space its sender had sent before. */
function resent(obs: readonly Observation[], j: number): boolean {
	for (let k = j - 1; k >= Math.max(0, j - HORIZON); k--) if (obs[k]!.from === obs[j]!.from && isCopy(obs[j]!, obs[k]!)) return true;
	return false;
}

/** The other side sends nothing between `obs[i]` and its sender's next segment (or the end). */
function unanswered(obs: readonly Observation[], i: number): boolean {
	for (let j = i + 1; j < Math.min(obs.length, i + HORIZON); j++) {
		if (obs[j]!.from !== obs[i]!.from) return false;
		return true;
	}
	return true;
}

/** `p` carries the same sequence space as `o` again (a retransmission, not new data). */
function isCopy(p: Observation, o: Observation): boolean {
	// Linux may resend data and a FIN queued after it as one segment: a copy starts where the original did and covers it.
	const sameCtl = p.seg.ctl === o.seg.ctl || (o.seg.ctl === null && p.seg.ctl === 'FIN');
	return p.seg.seq === o.seg.seq && sameCtl && spaceOf(p.seg) >= spaceOf(o.seg) && spaceOf(o.seg) > 0 && (p.seg.ack === null) === (o.seg.ack === null);
}

function laterCopy(obs: readonly Observation[], i: number): boolean {
	for (let j = i + 1; j < Math.min(obs.length, i + HORIZON); j++) if (obs[j]!.from === obs[i]!.from && isCopy(obs[j]!, obs[i]!)) return true;
	return false;
}

/** The first segment after `i` from `side`, if any (within the horizon). */
export function nextFrom(obs: readonly Observation[], i: number, side: Observation['from']): Observation | undefined {
	for (let j = i + 1; j < Math.min(obs.length, i + HORIZON); j++) if (obs[j]!.from === side) return obs[j];
	return undefined;
}
