// The two behaviour profiles. Every difference between "linux" and "textbook" is a field
// here (and a row in the README's table); nothing else in the simulator asks which profile runs.

export type ProfileName = 'linux' | 'textbook';

export type Profile = {
	readonly name: ProfileName;
	/** Linux delays an ACK (quickack at the start, pingpong once the app answers); textbook ACKs every segment at once. */
	readonly delayedAck: boolean;
	/** Linux TCP_DELACK_MIN / TCP_ATO_MIN: 40 ms (on loopback the RTT never raises it). */
	readonly delayedAckUs: number;
	/** One kernel tick (4 ms at CONFIG_HZ=250): a delayed ACK before any data was received fires on the next one. */
	readonly jiffyUs: number;
	/** Linux TCP_MAX_QUICKACKS: the first 16 data segments are ACKed at once. */
	readonly quickAcks: number;
	/** RTO once the connection is up. Linux tcp_set_rto: TCP_RTO_MIN 200 ms + the loopback RTT, rounded up to a 4 ms tick = 204 ms (captured: 205-208 ms); textbook: RFC 6298's 1 s. */
	readonly rtoEstablishedUs: number;
	/** Maximum Segment Lifetime; TIME-WAIT lasts 2*MSL. Linux: TCP_TIMEWAIT_LEN is a fixed 60 s; RFC 9293 3.4.2: MSL = 2 min. */
	readonly mslUs: number;
	/** Linux ≥ 6.5: the first tcp_syn_linear_timeouts SYN retransmissions keep a 1 s timeout; textbook: doubling from the start. */
	readonly linearSynTimeouts: boolean;
	/** Linux tcp_schedule_loss_probe: the first timeout on an open connection resends the last segment without backing off (a tail-loss probe). */
	readonly tailLossProbe: boolean;
	/** Linux retransmits_timed_out: tcp_retries2 (and tcp_syn_retries) are a time budget modelled on doubling timeouts; textbook: a count of retransmissions. */
	readonly retryTimeBudget: boolean;
	/** Linux: SACK (tcp_sack=1) and RACK — a duplicate ACK that SACKs later data gets the missing segment resent at once; textbook: only the RTO resends. */
	readonly sack: boolean;
};

const SECOND = 1_000_000;

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
	linux: {
		name: 'linux',
		delayedAck: true,
		delayedAckUs: 40_000,
		jiffyUs: 4_000,
		quickAcks: 16,
		rtoEstablishedUs: 204_000,
		mslUs: 30 * SECOND,
		linearSynTimeouts: true,
		tailLossProbe: true,
		retryTimeBudget: true,
		sack: true,
	},
	textbook: {
		name: 'textbook',
		delayedAck: false,
		delayedAckUs: 0,
		jiffyUs: 0,
		quickAcks: 0,
		rtoEstablishedUs: 1 * SECOND,
		mslUs: 120 * SECOND,
		linearSynTimeouts: false,
		tailLossProbe: false,
		retryTimeBudget: false,
		sack: false,
	},
};

/** Settings shared by both profiles, Linux's defaults; a scenario may override them. */
export type Sysctls = {
	/** net.ipv4.tcp_syn_retries: SYN retransmissions before connect() fails (Linux 6.x: with the linear timeouts, 10 SYN retransmissions, failing at 131 s). */
	readonly synRetries: number;
	/** net.ipv4.tcp_syn_linear_timeouts (Linux ≥ 6.5, default 4): SYN timeouts that stay at 1 s before doubling; they add to tcp_syn_retries. */
	readonly synLinearTimeouts: number;
	/** net.ipv4.tcp_synack_retries: SYN-ACK retransmissions before a half-open request is dropped (5: 63 s). */
	readonly synackRetries: number;
	/** net.ipv4.tcp_retries2: on Linux the time budget of 15 doubling timeouts from TCP_RTO_MIN (924.6 s), not a count. */
	readonly retries2: number;
	/** net.ipv4.tcp_orphan_retries: the same for a socket the application closed; 0 means 8 while the peer may be alive. */
	readonly orphanRetries: number;
	/** Linux TCP_RTO_MIN (net.ipv4.tcp_rto_min_us): 200 ms, the base of the retries time budget. */
	readonly rtoMinUs: number;
	/** net.ipv4.tcp_keepalive_time / _intvl / _probes: idle time before the first probe, time between probes, unanswered probes before the reset. */
	readonly keepaliveTimeUs: number;
	readonly keepaliveIntvlUs: number;
	readonly keepaliveProbes: number;
	/** net.ipv4.tcp_fin_timeout, seconds: how long an orphaned socket waits in FIN-WAIT-2. */
	readonly finTimeoutUs: number;
	/** net.ipv4.tcp_syncookies: 1 = answer with a cookie when the SYN queue is full, 2 = always, 0 = never. */
	readonly syncookies: 0 | 1 | 2;
	/** The listen backlog: the SYN queue counts as full once it holds more than this (Linux inet_csk_reqsk_queue_is_full). */
	readonly backlog: number;
	/** net.core.somaxconn: caps every listen() backlog (__sys_listen); 4096 since Linux 5.4. */
	readonly somaxconn: number;
	/** net.ipv4.tcp_abort_on_overflow: 1 = a handshake's last ACK that finds the accept queue full is answered with RST; 0 = ignored. */
	readonly abortOnOverflow: boolean;
	/** net.ipv4.tcp_tw_reuse: 1 = connect() may take over a TIME-WAIT port; 2 (the default) = only on loopback, as every scenario here is. */
	readonly twReuse: 0 | 1 | 2;
	/** net.ipv4.tcp_tw_reuse_delay (ms, Linux ≥ 6.13; 1 s before): how long after the last segment from the peer a TIME-WAIT port may be taken over. */
	readonly twReuseDelayUs: number;
	/** net.ipv4.tcp_timestamps: the timestamp option is on (the default); TIME-WAIT reuse depends on it. */
	readonly timestamps: boolean;
	/** net.ipv4.ip_local_port_range: the ports connect() picks from. */
	readonly localPorts: readonly [number, number];
	/** net.ipv4.tcp_rfc1337: 1 = an RST in TIME-WAIT is ignored (RFC 1337's fix); 0 (Linux's default) = it ends TIME-WAIT. */
	readonly rfc1337: boolean;
	/** net.ipv4.tcp_max_syn_backlog: with SYN cookies off, a SYN is dropped once fewer than a quarter of these places are free (tcp_conn_request). */
	readonly maxSynBacklog: number;
	/** RFC 6298 2.1 and Linux TCP_TIMEOUT_INIT: the initial RTO for SYN and SYN-ACK, 1 s. */
	readonly rtoInitialUs: number;
	/** Linux TCP_RTO_MAX: backoff stops doubling at 120 s. */
	readonly rtoMaxUs: number;
	/** Maximum segment size. 1460 as on Ethernet (Linux loopback would use 65483). */
	readonly mss: number;
	/** The receive window each side advertises (no scaling is modelled). */
	readonly window: number;
};

export const DEFAULT_SYSCTLS: Sysctls = {
	synRetries: 6,
	synLinearTimeouts: 4,
	synackRetries: 5,
	retries2: 15,
	orphanRetries: 0,
	rtoMinUs: 200_000,
	keepaliveTimeUs: 7200 * SECOND,
	keepaliveIntvlUs: 75 * SECOND,
	keepaliveProbes: 9,
	finTimeoutUs: 60 * SECOND,
	syncookies: 1,
	backlog: 128,
	rfc1337: false,
	somaxconn: 4096,
	abortOnOverflow: false,
	twReuse: 2,
	twReuseDelayUs: 1 * SECOND,
	timestamps: true,
	localPorts: [32768, 60999],
	maxSynBacklog: 2048, // it scales with memory; 2048 on the machine the captures were made on
	rtoInitialUs: 1 * SECOND,
	rtoMaxUs: 120 * SECOND,
	mss: 1460,
	window: 65535,
};

/**
 * The same settings written as one literal: every scenario's sysctls then share one hidden class, which the
 * simulator reads at every segment (spread-built ones each had their own, and code that read them was
 * compiled again for each new lesson that check ran).
 */
export function sysctlsOf(s: Sysctls): Sysctls {
	return {
		synRetries: s.synRetries,
		synLinearTimeouts: s.synLinearTimeouts,
		synackRetries: s.synackRetries,
		retries2: s.retries2,
		orphanRetries: s.orphanRetries,
		rtoMinUs: s.rtoMinUs,
		keepaliveTimeUs: s.keepaliveTimeUs,
		keepaliveIntvlUs: s.keepaliveIntvlUs,
		keepaliveProbes: s.keepaliveProbes,
		finTimeoutUs: s.finTimeoutUs,
		syncookies: s.syncookies,
		backlog: s.backlog,
		rfc1337: s.rfc1337,
		somaxconn: s.somaxconn,
		abortOnOverflow: s.abortOnOverflow,
		twReuse: s.twReuse,
		twReuseDelayUs: s.twReuseDelayUs,
		timestamps: s.timestamps,
		localPorts: s.localPorts,
		maxSynBacklog: s.maxSynBacklog,
		rtoInitialUs: s.rtoInitialUs,
		rtoMaxUs: s.rtoMaxUs,
		mss: s.mss,
		window: s.window,
	};
}
