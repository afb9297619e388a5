// The Linux-behaviour fixtures (scripts/capture/linux/, test/fixtures/captures/linux/) are well formed:
// what the simulator will be checked against must itself be consistent. No simulator here.
import {readFileSync, readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';

const dir = new URL('../fixtures/captures/linux/', import.meta.url);
const names = readdirSync(dir).filter(f => f.endsWith('.json')).map(f => f.replace(/\.json$/, '')).sort();
const FLAGS = ['ACK', 'CWR', 'ECE', 'FIN', 'PSH', 'RST', 'SYN', 'URG'];

type Segment = {conn: number; from: string; flags: string[]; seq: number; ack: number | null; len: number; t: number; dropped?: boolean; note?: string};
type Fixture = {
	variant: string; description: string; kernel: string | null; sysctls: Record<string, string>;
	connections?: {conn: number; client: string; server: string; isn: {client: number | null; server: number | null}}[];
	segments?: Segment[]; events?: {t: number; who: string; event: string; conn?: number}[];
};
const load = (n: string) => JSON.parse(readFileSync(new URL(`${n}.json`, dir), 'utf8')) as Fixture;

describe('Linux behaviour fixtures', () => {
	it('exist, each with its scenario, raw text and pcap', () => {
		expect(names.length).toBeGreaterThan(30);
		const files = readdirSync(dir);
		for (const n of names) for (const ext of ['scenario.yaml', 'txt', 'pcap']) expect(files, `${n}.${ext}`).toContain(`${n}.${ext}`);
	});

	it.each(names)('%s is consistent', n => {
		const fx = load(n);
		expect(fx.variant).toBe(n);
		expect(fx.description.length).toBeGreaterThan(10);
		expect(fx.kernel).toMatch(/^6\./);
		expect(fx.sysctls['net.ipv4.tcp_syn_linear_timeouts']).toBeDefined();
		const segs = fx.segments ?? [];
		const conns = new Set((fx.connections ?? []).map(c => c.conn));
		// one raw tcpdump line per segment
		const lines = readFileSync(new URL(`${n}.txt`, dir), 'utf8').split('\n').filter(l => / Flags \[/.test(l));
		expect(segs.length).toBe(lines.length);
		let t = -Infinity;
		for (const s of segs) {
			expect(conns.has(s.conn), `conn ${s.conn}`).toBe(true);
			expect(['client', 'server']).toContain(s.from);
			for (const f of s.flags) expect(FLAGS).toContain(f);
			expect([...s.flags].sort()).toEqual(s.flags);
			expect(s.ack === null).toBe(!s.flags.includes('ACK'));
			expect(s.t).toBeGreaterThanOrEqual(t); // in capture order
			t = s.t;
			if (s.flags.includes('SYN') && !s.note) expect(s.seq).toBe(0);
		}
		for (const e of fx.events ?? []) if (e.conn !== undefined) expect(conns.has(e.conn)).toBe(true);
	});

	it('records the 6.x SYN schedule: five 1 s retries, then doubling (syn-retries-default)', () => {
		const syns = load('syn-retries-default').segments!.filter(s => s.flags.join() === 'SYN').map(s => s.t);
		expect(syns).toHaveLength(11);
		const gaps = syns.slice(1).map((x, i) => x - syns[i]!);
		for (const g of gaps.slice(0, 5)) {
			expect(g).toBeGreaterThan(0.99);
			expect(g).toBeLessThan(1.1);
		}
		expect(gaps[5]).toBeGreaterThan(1.9);
	});

	it('records the new ISN after a SYN meets TIME-WAIT (tw-syn-reuse): old snd_nxt + 65537', () => {
		const fx = load('tw-syn-reuse');
		const [c1, c2] = fx.connections!;
		const lastFin = fx.segments!.filter(s => s.conn === 1 && s.from === 'server' && s.flags.includes('FIN')).at(-1)!;
		const oldSndNxt = (c1!.isn.server! + lastFin.seq + 1) % 2 ** 32;
		expect(c2!.isn.server).toBe((oldSndNxt + 65537) % 2 ** 32);
	});
});
