// The sysctls of the running kernel that the simulator models, read from /proc/sys (readable without
// privileges; changing them is not). The lab runs the simulator with them too, so that a lesson which
// assumes another value is told apart from a kernel that disagrees with the simulator.
import {readFileSync} from 'node:fs';
import {DEFAULT_SYSCTLS, type Sysctls} from '../sim/profiles.js';

type Field = keyof Sysctls;

/** Each modelled sysctl: its file under /proc/sys and how its text becomes the simulator's value. */
const FILES: readonly (readonly [Field, string, (text: string) => Sysctls[Field] | undefined])[] = [
	['synRetries', 'net/ipv4/tcp_syn_retries', n => int(n)],
	// Before Linux 6.5 there is no such sysctl: every SYN timeout doubles.
	['synLinearTimeouts', 'net/ipv4/tcp_syn_linear_timeouts', n => int(n)],
	['synackRetries', 'net/ipv4/tcp_synack_retries', n => int(n)],
	['retries2', 'net/ipv4/tcp_retries2', n => int(n)],
	['orphanRetries', 'net/ipv4/tcp_orphan_retries', n => int(n)],
	['keepaliveTimeUs', 'net/ipv4/tcp_keepalive_time', n => seconds(n)],
	['keepaliveIntvlUs', 'net/ipv4/tcp_keepalive_intvl', n => seconds(n)],
	['keepaliveProbes', 'net/ipv4/tcp_keepalive_probes', n => int(n)],
	['finTimeoutUs', 'net/ipv4/tcp_fin_timeout', n => seconds(n)],
	['syncookies', 'net/ipv4/tcp_syncookies', n => int(n) as 0 | 1 | 2 | undefined],
	['somaxconn', 'net/core/somaxconn', n => int(n)],
	['abortOnOverflow', 'net/ipv4/tcp_abort_on_overflow', n => flag(n)],
	['twReuse', 'net/ipv4/tcp_tw_reuse', n => int(n) as 0 | 1 | 2 | undefined],
	// Linux ≥ 6.13; one second before.
	['twReuseDelayUs', 'net/ipv4/tcp_tw_reuse_delay', n => (int(n) === undefined ? undefined : int(n)! * 1000)],
	['timestamps', 'net/ipv4/tcp_timestamps', n => flag(n)],
	['rfc1337', 'net/ipv4/tcp_rfc1337', n => flag(n)],
	['maxSynBacklog', 'net/ipv4/tcp_max_syn_backlog', n => int(n)],
	['localPorts', 'net/ipv4/ip_local_port_range', n => {
		const [lo, hi] = n.trim().split(/\s+/).map(Number);
		return lo !== undefined && hi !== undefined && Number.isInteger(lo) && Number.isInteger(hi) ? [lo, hi] as const : undefined;
	}],
];

/** What a kernel without the file does (older than the sysctl). */
const ABSENT: Partial<Sysctls> = {synLinearTimeouts: 0, twReuseDelayUs: 1_000_000};

function int(text: string): number | undefined {
	const n = Number(text.trim());
	return Number.isInteger(n) ? n : undefined;
}

function seconds(text: string): number | undefined {
	const n = int(text);
	return n === undefined ? undefined : n * 1e6;
}

function flag(text: string): boolean | undefined {
	const n = int(text);
	return n === undefined ? undefined : n !== 0; // tcp_timestamps 2 is on, without random offsets
}

/** The sysctl names the lab shows, by field. */
export const SYSCTL_NAMES: Readonly<Partial<Record<Field, string>>> = Object.fromEntries(FILES.map(([field, file]) => [field, file.split('/').at(-1)!]));

/** The kernel's values of every modelled sysctl it could read (Linux only). */
export function kernelSysctls(read: (file: string) => string = file => readFileSync(`/proc/sys/${file}`, 'utf8')): Partial<Sysctls> {
	const out: Partial<Record<Field, unknown>> = {};
	for (const [field, file, parse] of FILES) {
		let text: string;
		try {
			text = read(file);
		} catch {
			if (ABSENT[field] !== undefined) out[field] = ABSENT[field];
			continue;
		}
		const value = parse(text);
		if (value !== undefined) out[field] = value;
	}
	return out as Partial<Sysctls>;
}

/** A sysctl as a person writes it: seconds for the times, "a b" for a range. */
export function sysctlText(field: Field, value: Sysctls[Field]): string {
	if (Array.isArray(value)) return value.join(' ');
	if (typeof value === 'boolean') return value ? '1' : '0';
	if (field === 'twReuseDelayUs') return String((value as number) / 1000);
	if (field.endsWith('Us')) return String((value as number) / 1e6);
	return String(value);
}

/** The fields whose kernel value differs from the scenario's. */
export function sysctlDifferences(scenario: Sysctls, kernel: Partial<Sysctls>): Field[] {
	return (Object.keys(kernel) as Field[]).filter(f => String(kernel[f]) !== String(scenario[f]));
}

/** A field the scenario set itself (it differs from Linux's default). */
export function setByScenario(scenario: Sysctls, field: Field): boolean {
	return String(scenario[field]) !== String(DEFAULT_SYSCTLS[field]);
}
