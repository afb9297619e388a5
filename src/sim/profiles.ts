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
	/** RTO once the connection is up. Linux: TCP_RTO_MIN 200 ms (loopback RTT ~0); textbook: RFC 6298's 1 s. */
	readonly rtoEstablishedUs: number;
	/** Maximum Segment Lifetime; TIME-WAIT lasts 2*MSL. Linux: TCP_TIMEWAIT_LEN is a fixed 60 s; RFC 9293 3.4.2: MSL = 2 min. */
	readonly mslUs: number;
};

const SECOND = 1_000_000;

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
	linux: {
		name: 'linux',
		delayedAck: true,
		delayedAckUs: 40_000,
		jiffyUs: 4_000,
		quickAcks: 16,
		rtoEstablishedUs: 200_000,
		mslUs: 30 * SECOND,
	},
	textbook: {
		name: 'textbook',
		delayedAck: false,
		delayedAckUs: 0,
		jiffyUs: 0,
		quickAcks: 0,
		rtoEstablishedUs: 1 * SECOND,
		mslUs: 120 * SECOND,
	},
};

/** Settings shared by both profiles, Linux's defaults; a scenario may override them. */
export type Sysctls = {
	/** net.ipv4.tcp_syn_retries: SYN retransmissions before connect() fails (6: gives up after 127 s). */
	readonly synRetries: number;
	/** net.ipv4.tcp_synack_retries: SYN-ACK retransmissions before a half-open request is dropped (5: 63 s). */
	readonly synackRetries: number;
	/** net.ipv4.tcp_retries2: data/FIN retransmissions before the connection is dropped. */
	readonly retries2: number;
	/** net.ipv4.tcp_fin_timeout, seconds: how long an orphaned socket waits in FIN-WAIT-2. */
	readonly finTimeoutUs: number;
	/** net.ipv4.tcp_syncookies: 1 = answer with a cookie when the SYN queue is full. */
	readonly syncookies: boolean;
	/** The listen backlog: how many half-open (SYN-RECEIVED) requests the SYN queue holds. */
	readonly backlog: number;
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
	synackRetries: 5,
	retries2: 15,
	finTimeoutUs: 60 * SECOND,
	syncookies: true,
	backlog: 128,
	rtoInitialUs: 1 * SECOND,
	rtoMaxUs: 120 * SECOND,
	mss: 1460,
	window: 65535,
};
