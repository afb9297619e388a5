// explain's cost on a large capture generated here (never committed): `megabytes` of pcap holding
// many short Linux-like connections (handshake, data both ways, a three-segment close), one every
// 2 ms from a new client address. Writes it a chunk at a time, then runs the built CLI on it with
// --json and with the ladder, to /dev/null, under GNU time: packets per second (of wall and of CPU
// time) and the peak resident memory, for the full size and a tenth of it: a reader that streams
// keeps both peaks alike.
// Bundled and run by bench.mjs: node explain-cost.mjs CLI DIR MEGABYTES.
import {spawn} from 'node:child_process';
import {closeSync, openSync, rmSync, statSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {exchange, pcap} from '../../test/explain/writer.js';

function generate(file: string, bytes: number): {packets: number; connections: number} {
	const fd = openSync(file, 'w');
	const header = pcap([], 'ethernet');
	writeSync(fd, header);
	let size = header.length;
	let packets = 0;
	let k = 0;
	while (size < bytes) {
		const chunk: Buffer[] = [];
		for (let i = 0; i < 1000; i++, k++) {
			const client = `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
			const segs = exchange({client, cport: 32768 + (k % 28000), server: '192.0.2.1', sport: 443, t0: k * 2000, cisn: k * 7919, sisn: k * 104729});
			chunk.push(pcap(segs, 'ethernet').subarray(24));
			packets += segs.length;
		}
		const b = Buffer.concat(chunk);
		writeSync(fd, b);
		size += b.length;
	}
	closeSync(fd);
	return {packets, connections: k};
}

/** Run the CLI under GNU time: wall time, CPU time (the machine may be shared) and the peak resident set size. */
function measure(cli: string, args: readonly string[]): Promise<{ms: number; cpuMs: number; peakMb: number}> {
	return new Promise((resolve, reject) => {
		const start = process.hrtime.bigint();
		const child = spawn('/usr/bin/time', ['-f', 'TIME %U %S %M', process.execPath, cli, ...args], {stdio: ['ignore', 'ignore', 'pipe']});
		let err = '';
		child.stderr.on('data', d => (err += d));
		child.on('error', reject);
		child.on('exit', code => {
			const m = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(err);
			if (code !== 0 || !m) return reject(new Error(`explain exited with ${code}: ${err.slice(-300)}`));
			resolve({ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, peakMb: Number(m[3]) / 1024});
		});
	});
}

const [cli, dir, mb] = process.argv.slice(2) as [string, string, string];
const rows = [];
for (const megabytes of [Number(mb) / 10, Number(mb)]) {
	const file = join(dir, `explain-${megabytes}.pcap`);
	const {packets, connections} = generate(file, megabytes * 1e6);
	const size = statSync(file).size;
	for (const mode of ['--json', 'ladder'] as const) {
		const r = await measure(cli, ['explain', file, ...(mode === '--json' ? ['--json'] : [])]);
		rows.push({megabytes: Math.round(size / 1e5) / 10, packets, connections, mode, ms: Math.round(r.ms), cpuMs: Math.round(r.cpuMs),
			packetsPerSecond: Math.round(packets / (r.ms / 1000)), packetsPerCpuSecond: Math.round(packets / (r.cpuMs / 1000)), peakMb: Math.round(r.peakMb)});
	}
	rmSync(file);
}
console.log(JSON.stringify(rows));
