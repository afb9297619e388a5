// The capture formats explain reads, each written by test/explain/writer.ts: one Linux-like exchange
// must come out the same from every container, link type and IP version; bad files are refused
// naming the byte offset; a cut last packet is read up to the cut.
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {CaptureError} from '../../src/explain/bytes.js';
import {CLI, STACK} from '../helpers/cli.js';
import {chains, explainBytes} from './run.js';
import {type Seg, exchange, pcap, pcapng} from './writer.js';

const V4 = exchange({client: '10.0.0.1', cport: 40000, server: '10.0.0.2', sport: 80, t0: 5});
const V6 = exchange({client: 'fe80::1', cport: 40000, server: '2001:db8::2', sport: 443, t0: 5});
const CHAIN = {client: ['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT'], server: ['SYN-RECEIVED', 'ESTABLISHED', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSED']};

const ROWS: readonly (readonly [string, Buffer, Seg[]])[] = [
	['pcap, Ethernet, IPv4', pcap(V4, 'ethernet'), V4],
	['pcap, Ethernet with a VLAN tag, IPv6', pcap(V6, 'vlan'), V6],
	['pcap (big-endian), Linux cooked SLL, IPv4', pcap(V4, 'sll', {bigEndian: true}), V4],
	['pcap (nanoseconds), Linux cooked SLL2, IPv6', pcap(V6, 'sll2', {nano: true}), V6],
	['pcap, raw IP, IPv4', pcap(V4, 'raw'), V4],
	['pcap, raw IP, IPv6', pcap(V6, 'raw'), V6],
	['pcap, BSD loopback (little-endian family), IPv6 as macOS lo0', pcap(V6, 'null'), V6],
	['pcap, BSD loopback (big-endian family), IPv4', pcap(V4, 'null-be'), V4],
	['pcap, OpenBSD loopback, IPv4', pcap(V4, 'loop'), V4],
	['pcapng, two interfaces (Ethernet µs, SLL2 ns)', pcapng(V4, ['ethernet', 'sll2']), V4],
	['pcapng, three interfaces (raw, null, SLL), IPv6', pcapng(V6, ['raw', 'null', 'sll']), V6],
];

describe('explain reads every format the same', () => {
	it.each(ROWS)('%s', async (_name, bytes, segs) => {
		const ex = await explainBytes(bytes);
		expect(ex.connections).toHaveLength(1);
		const {client, server} = ex.connections[0]!;
		const text = (a: string, p: number) => (a.includes(':') ? `[${a}]:${p}` : `${a}:${p}`);
		expect([client, server]).toEqual([text(segs[0]!.src, segs[0]!.sport), text(segs[0]!.dst, segs[0]!.dport)]);
		expect(chains(ex.events)[1]).toEqual(CHAIN);
		const drawn = ex.events.flatMap(e => (e.type === 'segment' ? [`${e.t} ${e.flags.join(',')} ${e.rel.seq} ${e.rel.ack} ${e.len}`] : []));
		expect(drawn).toEqual(segs.map(s => {
			const rel = (n: number, base: number) => (n - base) >>> 0;
			const up = s.src === segs[0]!.src;
			const flags = [s.flags.includes('.') && 'ACK', s.flags.includes('F') && 'FIN', s.flags.includes('P') && 'PSH', s.flags.includes('S') && 'SYN'].filter(Boolean).join(',');
			return `${(s.t - segs[0]!.t) / 1e6} ${flags} ${rel(s.seq, up ? 1000 : 5000)} ${s.flags.includes('.') ? rel(s.ack, up ? 5000 : 1000) : null} ${s.len}`;
		}));
	});

	it('starts a new connection for a new SYN on a four-tuple whose connection ended, and names sides mid-connection', async () => {
		const again = exchange({client: '10.0.0.1', cport: 40000, server: '10.0.0.2', sport: 80, t0: 2e6, cisn: 90_000, sisn: 70_000});
		const mid = V4.slice(3).map(s => ({...s, sport: s.sport === 40000 ? 40001 : s.sport, dport: s.dport === 40000 ? 40001 : s.dport}));
		const ex = await explainBytes(pcap([...V4, ...again, ...mid].sort((a, b) => a.t - b.t), 'ethernet'));
		expect(ex.connections.map(c => `${c.conn} ${c.client} ${c.server}${c.midConnection ? ' mid' : ''}`)).toEqual([
			'1 10.0.0.1:40000 10.0.0.2:80', '2 10.0.0.1:40001 10.0.0.2:80 mid', '3 10.0.0.1:40000 10.0.0.2:80',
		]);
		expect(chains(ex.events)[3]).toEqual(CHAIN);
		expect(chains(ex.events)[2]!.client).toEqual(['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT']);
	});

	it('reads a capture cut in its last packet up to the cut, and says so', async () => {
		const whole = pcap(V4.slice(0, 4), 'ethernet'); // the last packet carries 100 bytes of data
		const ex = await explainBytes(whole.subarray(0, whole.length - 30), 'cut.pcap');
		expect(ex.events.filter(e => e.type === 'segment')).toHaveLength(4);
		expect(ex.result.warnings).toEqual([expect.stringMatching(/^cut\.pcap: the last packet, at byte \d+, is cut off after \d+ of its 154 bytes/)]);
	});

	it.each([
		['an empty file', Buffer.alloc(0), /at byte 0: the file is empty/],
		['a text file', Buffer.from('hello, world\n'), /at byte 0: expected a pcap \(a1b2c3d4\) or pcapng \(0a0d0d0a\) magic number, found 68656c6c/],
		['a pcap record longer than any packet', (() => {
			const b = pcap(V4.slice(0, 1), 'ethernet');
			b.writeUInt32LE(0x7fffffff, 24 + 8);
			return b;
		})(), /at byte 32: a captured length of 2147483647 bytes: expected at most 16777216/],
		['a pcapng block length that is not a multiple of 4', (() => {
			const b = pcapng(V4.slice(0, 1), ['ethernet']);
			b.writeUInt32LE(13, 4);
			return b;
		})(), /at byte 4: a block length of 13: expected a multiple of 4/],
		['a pcapng packet on an interface never described', (() => {
			const b = pcapng(V4.slice(0, 1), ['ethernet']);
			b.writeUInt32LE(3, 28 + 28 + 8); // the EPB's interface id (after the SHB and the IDB, 28 bytes each)
			return b;
		})(), /a packet on interface 3: expected one of the 1 interfaces/],
	])('refuses %s, naming the byte', async (_name, bytes, message) => {
		await expect(explainBytes(bytes, 'bad.pcap')).rejects.toThrow(CaptureError);
		await expect(explainBytes(bytes, 'bad.pcap')).rejects.toThrow(message);
	});

	it('reads standard input with -, and prints trace --json lines with a connection line first', () => {
		const r = spawnSync(process.execPath, [CLI, 'explain', '-', '--json'], {input: pcapng(V6, ['sll2', 'ethernet']), encoding: 'utf8', timeout: 20_000});
		expect(r.status).toBe(0);
		const lines = r.stdout.trim().split('\n').map(l => JSON.parse(l) as Record<string, unknown>);
		expect(lines[0]).toEqual({type: 'connection', conn: 1, client: '[fe80::1]:40000', server: '[2001:db8::2]:443'});
		const syn = lines.find(l => l['type'] === 'segment')!;
		expect(syn).toEqual({type: 'segment', t: 0, from: 'client', to: 'server', conn: 1, flags: ['SYN'], seq: 0, ack: null, len: 0, win: 65535, fate: 'delivered'});
		const absolute = spawnSync(process.execPath, [CLI, 'explain', '-', '--json', '--absolute'], {input: pcap(V6, 'raw'), encoding: 'utf8', timeout: 20_000});
		expect(absolute.stdout).toContain('"seq":1000,"ack":null');
		for (const l of lines) expect(l['conn']).toBe(1);
	});

	it('says what is wrong with a file in one line, exit code 2, no stack trace', () => {
		const r = spawnSync(process.execPath, [CLI, 'explain', 'no-such.pcap'], {encoding: 'utf8', timeout: 20_000});
		expect(r.status).toBe(2);
		expect(r.stderr).toBe('tcp-tutor: no-such.pcap: capture: does not exist\n');
		const text = spawnSync(process.execPath, [CLI, 'explain', '-'], {input: 'not a capture', encoding: 'utf8', timeout: 20_000});
		expect(text.status).toBe(2);
		expect(text.stderr).toMatch(/^tcp-tutor: standard input: at byte 0: expected a pcap/);
		expect(text.stderr).not.toMatch(STACK);
	});
});
