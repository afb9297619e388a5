#!/usr/bin/env node
// A capture of several connections (pcap from tcpdump on lo) plus what the
// scenario logged, as fixture JSON (see scripts/capture/README.md, "Linux
// behaviours"):
//
//   node parse.mjs --name N --pcap lo.pcap [--dropped drop.txt] [--events ev.jsonl]
//                  [--description TEXT] > N.json
//
// - Roles: a segment from a listening port (a "listen" event's port, default
//   5000) is "server", the other end is "client".
// - conn: connections are numbered 1, 2, … in the order their first segment
//   appears. A SYN without ACK on a four-tuple whose last connection ended
//   (an RST, or a FIN from each side) starts a new connection (a SYN meeting
//   TIME-WAIT); any other segment belongs to the tuple's last connection.
//   (conn 0 is the listening socket, which sends nothing itself.)
// - seq is relative to the sender's ISN in that connection (SYN = 0), ack to
//   the receiver's; absolute, with a note, when that side sent no SYN.
// - dropped: true when nftables dropped the segment at the receiver's input
//   hook (it was sent, seen on lo, and lost). Matched against the NFLOG
//   capture by tuple, flags, seq, ack, length and TS val.
// - t: seconds since the first segment. Events keep their own t on the same
//   clock (negative before the first segment).
// No dependencies.
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

const MOD = 2 ** 32;
const rel = (v, isn) => (((v - isn) % MOD) + MOD) % MOD;
const FLAGS = [[0x10, 'ACK'], [0x01, 'FIN'], [0x08, 'PSH'], [0x04, 'RST'], [0x02, 'SYN'], [0x20, 'URG'], [0x40, 'ECE'], [0x80, 'CWR']];

function ip6(b, o) {
	const parts = [];
	for (let i = 0; i < 16; i += 2) parts.push(b.readUInt16BE(o + i).toString(16));
	return parts.join(':').replace(/(^|:)0(:0)+(:|$)/, '::').replace(/:::+/, '::');
}

/** Every TCP segment in a pcap (Ethernet or cooked link type), with absolute numbers. */
export function readPcap(file) {
	const b = readFileSync(file);
	let le;
	if (b.readUInt32LE(0) === 0xa1b2c3d4) le = true;
	else if (b.readUInt32BE(0) === 0xa1b2c3d4) le = false;
	else throw new Error(`${file}: not a microsecond pcap file`);
	const u32 = o => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
	const l2 = {1: 14, 113: 16, 276: 20}[u32(20)];
	if (l2 === undefined) throw new Error(`unsupported link type ${u32(20)}`);
	const segs = [];
	for (let o = 24; o + 16 <= b.length;) {
		const ts = u32(o) + u32(o + 4) / 1e6;
		const incl = u32(o + 8);
		const ip = o + 16 + l2;
		o += 16 + incl;
		let t, src, dst, payload;
		if (b[ip] >> 4 === 4) {
			if (b[ip + 9] !== 6) continue;
			const ihl = (b[ip] & 15) * 4;
			t = ip + ihl;
			src = `${b[ip + 12]}.${b[ip + 13]}.${b[ip + 14]}.${b[ip + 15]}`;
			dst = `${b[ip + 16]}.${b[ip + 17]}.${b[ip + 18]}.${b[ip + 19]}`;
			payload = b.readUInt16BE(ip + 2) - ihl;
		} else if (b[ip] >> 4 === 6) {
			if (b[ip + 6] !== 6) continue;
			t = ip + 40;
			src = ip6(b, ip + 8);
			dst = ip6(b, ip + 24);
			payload = b.readUInt16BE(ip + 4);
		} else continue;
		const doff = (b[t + 12] >> 4) * 4;
		const fl = b[t + 13];
		let tsval = null;
		for (let p = t + 20; p < t + doff;) {
			const kind = b[p];
			if (kind === 0) break;
			if (kind === 1) { p++; continue; }
			if (kind === 8) tsval = b.readUInt32BE(p + 2);
			p += b[p + 1] || 1;
		}
		segs.push({
			ts, src, dst, sport: b.readUInt16BE(t), dport: b.readUInt16BE(t + 2),
			flags: FLAGS.filter(([bit]) => fl & bit).map(([, n]) => n).sort(),
			seq: b.readUInt32BE(t + 4), ack: fl & 0x10 ? b.readUInt32BE(t + 8) : null,
			len: payload - doff, win: b.readUInt16BE(t + 14), tsval,
		});
	}
	return segs;
}

const LETTERS = {S: 'SYN', F: 'FIN', P: 'PSH', R: 'RST', U: 'URG', '.': 'ACK', E: 'ECE', W: 'CWR'};
const LINE = /^\S+ IP6? (\S+)\.(\d+) > (\S+)\.(\d+): Flags \[([^\]]*)\](.*)$/;
const key = s => `${s.src}.${s.sport}>${s.dst}.${s.dport} ${s.flags.join(',')} ${s.ack ?? '-'} ${s.len} ${s.tsval ?? '-'}`;

/** The segments in tcpdump's text for the NFLOG capture (what nftables dropped). */
export function readDropped(text) {
	const out = [];
	for (const line of text.split('\n')) {
		const m = LINE.exec(line.trim());
		if (!m) continue;
		const [, src, sport, dst, dport, fl, rest] = m;
		const seq = /(?:^|[ ,])seq (\d+)/.exec(rest);
		const ack = /(?:^|[ ,])ack (\d+)/.exec(rest);
		const flags = [...fl].map(c => LETTERS[c]).sort();
		out.push({
			src, sport: Number(sport), dst, dport: Number(dport), flags,
			seq: seq ? Number(seq[1]) : null, ack: ack ? Number(ack[1]) : null,
			len: Number(/length (\d+)/.exec(rest)?.[1] ?? 0), tsval: Number(/TS val (\d+)/.exec(rest)?.[1] ?? NaN) || null,
		});
	}
	return out;
}

/** Number the connections, mark the drops, make seq/ack relative. */
export function toFixture(raw, {serverPorts, dropped = []}) {
	const t0 = raw.length ? raw[0].ts : 0;
	const pending = new Map();
	for (const d of dropped) {
		const k = key(d);
		pending.set(k, (pending.get(k) ?? 0) + 1);
	}
	const conns = [];
	const last = new Map(); // tuple -> conn
	const segments = [];
	for (const s of raw) {
		const fromServer = serverPorts.has(s.sport) && !serverPorts.has(s.dport) ? true
			: serverPorts.has(s.dport) && !serverPorts.has(s.sport) ? false : s.sport < s.dport;
		const from = fromServer ? 'server' : 'client';
		const client = fromServer ? `${s.dst}:${s.dport}` : `${s.src}:${s.sport}`;
		const server = fromServer ? `${s.src}:${s.sport}` : `${s.dst}:${s.dport}`;
		const tuple = `${client} ${server}`;
		let c = last.get(tuple);
		const has = f => s.flags.includes(f);
		const pureSyn = has('SYN') && !has('ACK');
		const ended = c && (c.rst || (c.fin.client && c.fin.server));
		if (!c || (pureSyn && ended && c.isn.client !== s.seq)) {
			c = {conn: conns.length + 1, client, server, isn: {client: null, server: null}, fin: {client: false, server: false}, rst: false};
			conns.push(c);
			last.set(tuple, c);
		}
		const other = from === 'server' ? 'client' : 'server';
		const notes = [];
		if (has('SYN') && c.isn[from] === null) c.isn[from] = s.seq;
		else if (has('SYN') && c.isn[from] !== s.seq) notes.push(`SYN with a new seq (absolute ${s.seq}; the ${from}'s ISN in this connection was ${c.isn[from]})`);
		let seq = s.seq;
		if (c.isn[from] === null) notes.push(`${from} sent no SYN in this connection: seq is absolute`);
		else seq = rel(s.seq, c.isn[from]);
		let ack = null;
		if (has('ACK')) {
			if (c.isn[other] === null) { ack = s.ack; notes.push('ack is absolute (the receiver sent no SYN)'); }
			else ack = rel(s.ack, c.isn[other]);
		}
		if (has('FIN')) c.fin[from] = true;
		if (has('RST')) c.rst = true;
		const seg = {conn: c.conn, from, flags: s.flags, seq, ack, len: s.len, t: Number((s.ts - t0).toFixed(3))};
		const k = key(s);
		if (pending.get(k)) {
			pending.set(k, pending.get(k) - 1);
			seg.dropped = true;
		}
		if (notes.length) seg.note = notes.join('; ');
		segments.push(seg);
	}
	const unmatched = [...pending.entries()].filter(([, n]) => n > 0);
	if (unmatched.length) throw new Error(`dropped segments not found on lo: ${unmatched.map(([k]) => k).join(' | ')}`);
	return {
		t0,
		connections: conns.map(c => ({conn: c.conn, client: c.client, server: c.server, isn: c.isn})),
		segments,
	};
}

/** JSON with one segment or event a line (readable diffs). */
export function formatFixture(obj) {
	const line = v => JSON.stringify(v).replace(/,"/g, ', "').replace(/":/g, '": ');
	const lists = ['connections', 'segments', 'events'];
	const head = Object.fromEntries(Object.entries(obj).filter(([k]) => !lists.includes(k)));
	const parts = [JSON.stringify(head, null, '\t').replace(/\n}$/, '')];
	for (const k of lists) if (obj[k]?.length) parts.push(`\t"${k}": [\n${obj[k].map(x => '\t\t' + line(x)).join(',\n')}\n\t]`);
	return parts.join(',\n') + '\n}\n';
}

function main() {
	const args = {};
	const argv = process.argv.slice(2);
	for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
	if (!args.name || !args.pcap) {
		console.error('usage: parse.mjs --name N --pcap FILE [--dropped TXT] [--events JSONL] [--description TEXT]');
		process.exit(2);
	}
	const events = args.events ? readFileSync(args.events, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l)) : [];
	const serverPorts = new Set(events.filter(e => e.event === 'listen').map(e => e.port));
	if (!serverPorts.size) serverPorts.add(5000);
	const dropped = args.dropped ? readDropped(readFileSync(args.dropped, 'utf8')) : [];
	const raw = readPcap(args.pcap);
	const fx = toFixture(raw, {serverPorts, dropped});
	const sysctls = events.find(e => e.event === 'sysctls')?.values ?? {};
	const kernel = events.find(e => e.event === 'uname')?.release ?? null;
	const t0 = raw.length ? fx.t0 : (events[0]?.t ?? 0);
	const connOf = port => {
		const cs = fx.connections.filter(c => c.client.endsWith(`:${port}`));
		return cs.length ? cs : null;
	};
	const out = [];
	for (const e of events) {
		if (e.event === 'sysctls' || e.event === 'uname' || e.event === 'counters') continue;
		const {t, ts, ...rest} = e;
		const ev = {t: Number((t - t0).toFixed(3)), ...rest};
		if (e.port !== undefined && !serverPorts.has(e.port)) {
			const cs = connOf(e.port);
			if (cs) {
				// the last connection on that port whose first segment is not later than the event (+5 ms)
				const first = c => fx.segments.find(s => s.conn === c.conn)?.t ?? Infinity;
				const before = cs.filter(c => first(c) <= ev.t + 0.005);
				ev.conn = (before.at(-1) ?? cs[0]).conn;
			}
		}
		out.push(ev);
	}
	const fixture = {
		variant: args.name,
		description: args.description ?? '',
		kernel,
		sysctls,
		counters: events.find(e => e.event === 'counters')?.values ?? {},
		connections: fx.connections,
		segments: fx.segments,
		events: out,
	};
	process.stdout.write(formatFixture(fixture));
	console.error(`parse: ${args.name}: ${fx.segments.length} segments (${fx.segments.filter(s => s.dropped).length} dropped), ${fx.connections.length} connections, ${out.length} events`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
