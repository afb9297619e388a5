// What the lab reads of the kernel and what it can do with each step: pure, on every platform.
import {describe, expect, it} from 'vitest';
import {kernelReader, parseNetstat, parseProcNetTcp} from '../../src/lab/kernel.js';
import {labCanRun, planStep} from '../../src/lab/plan.js';
import {kernelSysctls, sysctlDifferences} from '../../src/lab/sysctls.js';
import {DEFAULT_SYSCTLS} from '../../src/sim/profiles.js';
import {scenarioFromYaml} from '../../src/sim/load.js';

// Lines as Linux 6.18 prints them: a listener on 127.0.0.1:40291, a connection and its TIME-WAIT, a socket on another address.
const PROC = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:9D63 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1528 1 0000000090bd2110 100 0 0 10 0
   1: 0100007F:DC62 0100007F:9D63 01 00000000:00000064 00:00000000 00000000  1000        0 1530 1 0000000090bd2111 20 4 30 10 -1
   2: 0100007F:9D63 0100007F:DC62 08 00000000:00000001 00:00000000 00000000  1000        0 1531 1 0000000090bd2112 20 4 30 10 -1
   3: 0100007F:DC64 0100007F:9D63 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0000000000000000
   4: 0A00020F:0016 0A000201:C350 01 00000000:00000000 00:00000000 00000000     0        0 1540 1 0000000090bd2113 20 4 30 10 -1
`;
const PROC6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:C000 0B 00000000:00000000 01:00000014 00000000  1000        0 1600 1 0000000090bd2114 20 4 30 10 -1
`;

const NETSTAT = `Active Internet connections (including servers)
Proto Recv-Q Send-Q  Local Address          Foreign Address        (state)
tcp4       0      0  127.0.0.1.52344        127.0.0.1.8080         FIN_WAIT_2
tcp4      12      0  127.0.0.1.8080         127.0.0.1.52344        CLOSE_WAIT
tcp4       0      0  127.0.0.1.8080         *.*                    LISTEN
tcp4       0      0  127.0.0.1.52340        127.0.0.1.8080         TIME_WAIT
tcp4       0      0  192.168.1.5.50000      17.57.146.20.5223      ESTABLISHED
tcp6       0      0  *.22                   *.*                    LISTEN
`;

describe('the kernel\'s sockets', () => {
	it('/proc/net/tcp: state codes in RFC 9293\'s names, ports in hex, Recv-Q; only 127.0.0.1', () => {
		expect(parseProcNetTcp(PROC)).toEqual([
			{localPort: 40291, remotePort: 0, state: 'LISTEN', recvQ: 0},
			{localPort: 56418, remotePort: 40291, state: 'ESTABLISHED', recvQ: 100},
			{localPort: 40291, remotePort: 56418, state: 'CLOSE-WAIT', recvQ: 1},
			{localPort: 56420, remotePort: 40291, state: 'TIME-WAIT', recvQ: 0},
		]);
		expect(parseProcNetTcp(PROC6)).toEqual([{localPort: 8080, remotePort: 49152, state: 'CLOSING', recvQ: 0}]);
		expect(parseProcNetTcp('')).toEqual([]);
	});

	it('netstat -an -p tcp (macOS): BSD state names, dotted ports, *.* for a listener', () => {
		expect(parseNetstat(NETSTAT)).toEqual([
			{localPort: 52344, remotePort: 8080, state: 'FIN-WAIT-2', recvQ: 0},
			{localPort: 8080, remotePort: 52344, state: 'CLOSE-WAIT', recvQ: 12},
			{localPort: 8080, remotePort: 0, state: 'LISTEN', recvQ: 0},
			{localPort: 52340, remotePort: 8080, state: 'TIME-WAIT', recvQ: 0},
		]);
	});

	it('Linux and macOS have a reader; elsewhere there is none (the command says so and exits with 1)', () => {
		expect(kernelReader('linux')?.source).toBe('/proc/net/tcp');
		expect(kernelReader('darwin')?.source).toBe('netstat -an -p tcp');
		expect(kernelReader('win32')).toBeUndefined();
		expect(kernelReader('freebsd')).toBeUndefined();
	});

	it('reads the sysctls the simulator models; a kernel before 6.5 has no linear SYN timeouts', () => {
		const files: Record<string, string> = {'net/ipv4/tcp_fin_timeout': '30\n', 'net/ipv4/tcp_syncookies': '1\n', 'net/ipv4/ip_local_port_range': '32768\t60999\n', 'net/ipv4/tcp_timestamps': '1\n'};
		const read = (f: string) => {
			if (files[f] === undefined) throw new Error('ENOENT');
			return files[f];
		};
		const k = kernelSysctls(read);
		expect(k).toEqual({finTimeoutUs: 30e6, syncookies: 1, localPorts: [32768, 60999], timestamps: true, synLinearTimeouts: 0, twReuseDelayUs: 1e6});
		expect(sysctlDifferences(DEFAULT_SYSCTLS, k).sort()).toEqual(['finTimeoutUs', 'synLinearTimeouts']);
	});
});

describe('what the lab can do with each step', () => {
	const steps = scenarioFromYaml(`steps:
  - server: listen
  - client: connect
  - client: send 100 more
  - server: read
  - client: shutdown
  - client: abort
  - server: accept all for 2s
  - wait: 60s
  - drop: { from: client, flags: [ACK] }
  - delay: { from: server, flags: [FIN], by: 1s }
  - flood: 10
  - inject: { from: client, flags: [SYN], seq: 9 }
  - together: [ { client: close }, { server: close } ]
  - server: connect
  - server: crash
  - client: poweroff
  - client: keepalive 2s 1s 3
  - client: cork
  - server: exit
  - server: close listener
`).steps;

	it.each([
		[0, {kind: 'perform', change: 'reuseaddr'}], [1, {kind: 'perform'}], [2, {kind: 'perform', change: 'more'}], [3, {kind: 'perform'}],
		[4, {kind: 'perform'}], [5, {kind: 'perform'}], [6, {kind: 'wait', us: 2e6}], [7, {kind: 'wait', us: 60e6}],
		[8, {kind: 'skip', reason: 'drop'}], [9, {kind: 'skip', reason: 'delay'}], [10, {kind: 'skip', reason: 'flood'}], [11, {kind: 'skip', reason: 'inject'}],
		[12, {kind: 'skip', reason: 'together'}], [13, {kind: 'skip', reason: 'serverConnect'}], [14, {kind: 'skip', reason: 'crash'}],
		[15, {kind: 'skip', reason: 'poweroff'}], [16, {kind: 'skip', reason: 'keepalive'}], [17, {kind: 'skip', reason: 'cork'}],
		[18, {kind: 'perform'}], [19, {kind: 'perform'}],
	])('step %i', (i, expected) => {
		expect(planStep(steps[i]!)).toMatchObject(expected);
	});

	it('a scenario whose calls all need root is not offered', () => {
		expect(labCanRun(scenarioFromYaml('steps:\n  - together: [ { client: connect }, { server: connect } ]\n'))).toBe(false);
		expect(labCanRun(scenarioFromYaml('steps:\n  - server: listen\n'))).toBe(true);
	});
});
