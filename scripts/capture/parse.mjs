#!/usr/bin/env node
// Turns the text printed by `tcpdump -n -S -tt` (absolute sequence numbers,
// epoch timestamps) for ONE connection into the fixture JSON:
//
//   node scripts/capture/parse.mjs --variant V --port P [--kernel K]
//        [--pcap FILE] < V.txt > V.json
//
// --port is the server's port: segments from it are "server", the others
// (the side with the ephemeral port, the one that connects) are "client".
// seq is relative to the sender's ISN (the seq of its SYN), ack relative to
// the receiver's ISN. tcpdump prints no seq for a segment that carries no
// data and no SYN/FIN/RST (a pure ACK); for those the seq is the sender's
// next sequence number (snd_nxt), which is what Linux sends. With --pcap the
// values are checked against the TCP headers in the capture file (which
// always have the seq), and any mismatch is an error.
//
// If a side never sent a SYN (RST from a port with no listener), its seq is
// given as printed (absolute) and the segment gets a "note".
//
// No dependencies.

import {readFileSync} from 'node:fs';
import os from 'node:os';
import {pathToFileURL} from 'node:url';
import {VARIANTS} from './exchange.mjs';

const FLAG_NAMES = {S: 'SYN', F: 'FIN', P: 'PSH', R: 'RST', U: 'URG', '.': 'ACK', E: 'ECE', W: 'CWR'};
const MOD = 2 ** 32;
const rel = (v, isn) => (((v - isn) % MOD) + MOD) % MOD;

const LINE =
	/^(\d+\.\d+) IP (\d+\.\d+\.\d+\.\d+)\.(\d+) > (\d+\.\d+\.\d+\.\d+)\.(\d+): Flags \[([^\]]*)\](.*)$/;

/** Parse tcpdump -n -S -tt text into segments with absolute numbers. */
export function parseText(text, serverPort) {
	const out = [];
	for (const line of text.split('\n')) {
		const m = LINE.exec(line.trim());
		if (!m) continue;
		const [, ts, , sport, , dport, flagStr, rest] = m;
		if (Number(sport) !== serverPort && Number(dport) !== serverPort) continue;
		const flags = [...flagStr].map((c) => {
			if (!FLAG_NAMES[c]) throw new Error(`unknown flag ${c} in: ${line}`);
			return FLAG_NAMES[c];
		});
		const seqM = /(?:^|[ ,])seq (\d+)(?::(\d+))?/.exec(rest);
		const ackM = /(?:^|[ ,])ack (\d+)/.exec(rest);
		const lenM = /length (\d+)/.exec(rest);
		out.push({
			from: Number(sport) === serverPort ? 'server' : 'client',
			flags: flags.sort(),
			ts: Number(ts),
			seqAbs: seqM ? Number(seqM[1]) : null,
			ackAbs: ackM ? Number(ackM[1]) : null,
			len: lenM ? Number(lenM[1]) : 0,
			line: line.trim(),
		});
	}
	return out;
}

/** Read TCP segments (absolute numbers) from a pcap file, in order. */
export function readPcap(file, serverPort) {
	const b = readFileSync(file);
	const magicLE = b.readUInt32LE(0);
	let le;
	if (magicLE === 0xa1b2c3d4 || magicLE === 0xa1b23c4d) le = true;
	else if (b.readUInt32BE(0) === 0xa1b2c3d4 || b.readUInt32BE(0) === 0xa1b23c4d) le = false;
	else throw new Error(`${file}: not a pcap file`);
	const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
	const linktype = u32(20);
	const l2 = {1: 14, 113: 16, 276: 20, 0: 4}[linktype];
	if (l2 === undefined) throw new Error(`unsupported link type ${linktype}`);
	const segs = [];
	for (let o = 24; o + 16 <= b.length; ) {
		const incl = u32(o + 8);
		const p = o + 16;
		o = p + incl;
		const ip = p + l2;
		if ((b[ip] >> 4) !== 4 || b[ip + 9] !== 6) continue;
		const ihl = (b[ip] & 15) * 4;
		const total = b.readUInt16BE(ip + 2);
		const t = ip + ihl;
		const sport = b.readUInt16BE(t);
		const dport = b.readUInt16BE(t + 2);
		if (sport !== serverPort && dport !== serverPort) continue;
		const doff = (b[t + 12] >> 4) * 4;
		const fl = b[t + 13];
		const flags = [];
		if (fl & 0x10) flags.push('ACK');
		if (fl & 0x01) flags.push('FIN');
		if (fl & 0x08) flags.push('PSH');
		if (fl & 0x04) flags.push('RST');
		if (fl & 0x02) flags.push('SYN');
		if (fl & 0x20) flags.push('URG');
		if (fl & 0x40) flags.push('ECE');
		if (fl & 0x80) flags.push('CWR');
		segs.push({
			from: sport === serverPort ? 'server' : 'client',
			flags: flags.sort(),
			seqAbs: b.readUInt32BE(t + 4),
			ackAbs: fl & 0x10 ? b.readUInt32BE(t + 8) : null,
			len: total - ihl - doff,
		});
	}
	return segs;
}

/** Absolute segments -> fixture segments (relative numbers, relative time). */
export function toFixture(raw) {
	const isn = {client: null, server: null};
	const next = {client: null, server: null};
	const other = {client: 'server', server: 'client'};
	const t0 = raw.length ? raw[0].ts : 0;
	const segments = [];
	for (const s of raw) {
		const has = (f) => s.flags.includes(f);
		let seqAbs = s.seqAbs;
		if (seqAbs === null) {
			if (next[s.from] === null) throw new Error(`no seq and no previous seq for: ${s.line}`);
			seqAbs = next[s.from];
			s.seqInferred = true;
		}
		if (has('SYN') && isn[s.from] === null) isn[s.from] = seqAbs;
		next[s.from] = (seqAbs + s.len + (has('SYN') ? 1 : 0) + (has('FIN') ? 1 : 0)) % MOD;
		s.seqAbsFinal = seqAbs;
		const seg = {from: s.from, flags: s.flags, seq: null, ack: null, len: s.len, t: Number((s.ts - t0).toFixed(3))};
		if (isn[s.from] === null) {
			seg.seq = seqAbs;
			seg.note = `${s.from} sent no SYN (no ISN): seq is absolute`;
		} else seg.seq = rel(seqAbs, isn[s.from]);
		if (has('ACK')) {
			const r = isn[other[s.from]];
			if (r === null) {
				seg.ack = s.ackAbs;
				seg.note = (seg.note ? seg.note + '; ' : '') + 'ack is absolute (receiver has no ISN)';
			} else seg.ack = rel(s.ackAbs, r);
		}
		segments.push(seg);
	}
	return segments;
}

/** JSON with one segment per line (readable diffs). */
export function formatFixture(obj) {
	const {segments, ...head} = obj;
	const headJson = JSON.stringify(head, null, '\t').replace(/\n}$/, '');
	const segs = segments.map((s) => '\t\t' + JSON.stringify(s).replace(/,"/g, ', "').replace(/":/g, '": '));
	return `${headJson},\n\t"segments": [\n${segs.join(',\n')}\n\t]\n}\n`;
}

function main() {
	const args = {};
	const argv = process.argv.slice(2);
	for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
	if (!args.variant || !args.port) {
		console.error('usage: parse.mjs --variant V --port P [--kernel K] [--pcap FILE] [--in FILE] > V.json');
		process.exit(2);
	}
	const port = Number(args.port);
	const text = readFileSync(args.in ?? 0, 'utf8');
	const raw = parseText(text, port);
	if (!raw.length) throw new Error('no segments found');
	const segments = toFixture(raw);
	if (args.pcap) {
		const p = readPcap(args.pcap, port);
		if (p.length !== raw.length) throw new Error(`pcap has ${p.length} segments, text has ${raw.length}`);
		p.forEach((ps, i) => {
			const r = raw[i];
			const same =
				ps.from === r.from &&
				ps.flags.join() === r.flags.join() &&
				ps.seqAbs === r.seqAbsFinal &&
				ps.ackAbs === r.ackAbs &&
				ps.len === r.len;
			if (!same) throw new Error(`segment ${i} differs:\n pcap ${JSON.stringify(ps)}\n text ${JSON.stringify(r)}`);
		});
		console.error(`parse: ${args.variant}: ${p.length} segments match the pcap headers`);
	}
	const fixture = {
		variant: args.variant,
		description: VARIANTS[args.variant] ?? '',
		kernel: args.kernel ?? os.release(),
		segments,
	};
	process.stdout.write(formatFixture(fixture));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
