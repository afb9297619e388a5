// The real kernel's TCP sockets, as an unprivileged process can see them: Linux lists them in
// /proc/net/tcp and /proc/net/tcp6 (net/ipv4/tcp_ipv4.c get_tcp4_sock), macOS in `netstat -an -p tcp`.
// Parsing is pure (tested on captured text); reading picks the source by platform.
import {execFile} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import type {State} from '../sim/endpoint.js';

/** One socket of the kernel's table on 127.0.0.1: its ports, state and bytes received and not yet read. */
export type KernelSocket = {
	readonly localPort: number;
	readonly remotePort: number;
	readonly state: State;
	/** Recv-Q: unread bytes (on Linux an unread FIN counts one; a listener shows its accept queue). */
	readonly recvQ: number;
};

/** include/net/tcp_states.h: the hex codes /proc/net/tcp prints, in RFC 9293's names. */
const LINUX_STATES: Readonly<Record<string, State>> = {
	'01': 'ESTABLISHED', '02': 'SYN-SENT', '03': 'SYN-RECEIVED', '04': 'FIN-WAIT-1', '05': 'FIN-WAIT-2', '06': 'TIME-WAIT',
	'07': 'CLOSED', '08': 'CLOSE-WAIT', '09': 'LAST-ACK', '0A': 'LISTEN', '0B': 'CLOSING',
	'0C': 'SYN-RECEIVED', // TCP_NEW_SYN_RECV: a request in the SYN queue
};

/** 127.0.0.1 as /proc prints it (little-endian hex), in tcp and, mapped, in tcp6. */
const LOOPBACK = new Set(['0100007F', '0000000000000000FFFF00000100007F']);

/** The loopback sockets of /proc/net/tcp or /proc/net/tcp6 text. */
export function parseProcNetTcp(text: string): KernelSocket[] {
	const out: KernelSocket[] = [];
	for (const line of text.split('\n').slice(1)) {
		// sl local_address rem_address st tx_queue:rx_queue …
		const f = line.trim().split(/\s+/);
		if (f.length < 5) continue;
		const [localAddr, localPort] = f[1]!.split(':');
		const [remoteAddr, remotePort] = f[2]!.split(':');
		const state = LINUX_STATES[f[3]!.toUpperCase()];
		if (!state || !LOOPBACK.has(localAddr!.toUpperCase()) || remoteAddr === undefined) continue;
		out.push({localPort: parseInt(localPort!, 16), remotePort: parseInt(remotePort!, 16), state, recvQ: parseInt(f[4]!.split(':')[1] ?? '0', 16)});
	}
	return out;
}

/** BSD netstat's state names (netinet/tcp_fsm.h tcpstates[]). */
const BSD_STATES: Readonly<Record<string, State>> = {
	CLOSED: 'CLOSED', LISTEN: 'LISTEN', SYN_SENT: 'SYN-SENT', SYN_RCVD: 'SYN-RECEIVED', ESTABLISHED: 'ESTABLISHED',
	CLOSE_WAIT: 'CLOSE-WAIT', FIN_WAIT_1: 'FIN-WAIT-1', CLOSING: 'CLOSING', LAST_ACK: 'LAST-ACK', FIN_WAIT_2: 'FIN-WAIT-2', TIME_WAIT: 'TIME-WAIT',
};

/** The loopback sockets of `netstat -an -p tcp` (macOS): "tcp4  0  0  127.0.0.1.52344  127.0.0.1.8080  ESTABLISHED". */
export function parseNetstat(text: string): KernelSocket[] {
	const out: KernelSocket[] = [];
	for (const line of text.split('\n')) {
		const f = line.trim().split(/\s+/);
		if (f.length < 6 || !/^tcp[46]*$/.test(f[0]!)) continue;
		const state = BSD_STATES[f[5]!];
		const local = /^127\.0\.0\.1\.(\d+)$/.exec(f[3]!);
		const remote = /^(?:127\.0\.0\.1\.(\d+)|\*\.\*)$/.exec(f[4]!);
		if (!state || !local || !remote) continue;
		out.push({localPort: Number(local[1]), remotePort: remote[1] === undefined ? 0 : Number(remote[1]), state, recvQ: Number(f[1])});
	}
	return out;
}

/** Reads the kernel's loopback sockets now. */
export type KernelReader = {
	/** Where the states come from, for the header: "/proc/net/tcp", "netstat". */
	readonly source: string;
	read(): Promise<KernelSocket[]>;
};

/** The reader for this platform, or undefined where the lab cannot see the kernel's sockets. */
export function kernelReader(platform: NodeJS.Platform = process.platform): KernelReader | undefined {
	if (platform === 'linux') {
		return {
			source: '/proc/net/tcp',
			async read() {
				const [v4, v6] = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map(f => readFile(f, 'utf8').catch(() => '')));
				return [...parseProcNetTcp(v4!), ...parseProcNetTcp(v6!)];
			},
		};
	}
	if (platform === 'darwin') {
		return {
			source: 'netstat -an -p tcp',
			read: () => new Promise((resolve, reject) => {
				execFile('netstat', ['-an', '-p', 'tcp'], {encoding: 'utf8', timeout: 5000}, (error, stdout) => (error ? reject(error) : resolve(parseNetstat(stdout))));
			}),
		};
	}
	return undefined;
}
