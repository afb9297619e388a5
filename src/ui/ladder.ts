// The ladder (sequence) diagram as lines of text: the client's column, the arrows, the server's column.
// Pure (no ink, no react): the player draws it through <Ladder>, `tcp-tutor trace` prints it.
// Widths are display columns (text-width.ts): a label or a header in Chinese takes two columns a
// character; no line is ever wider than `width` and no character is cut in half.
import type {State} from '../sim/endpoint.js';
import type {Side} from '../sim/segment.js';
import type {SegmentEvent, TraceEvent} from '../sim/trace.js';
import {center, clusters, fit, padEnd, padStart, takeColumns, width as columns} from '../text-width.js';
import {type LadderRow, type States, type Unknown, type View, ladderRows} from './ladder-rows.js';

export {fit};

/** `unknown` draws a side as `?` from an event on (and no row is made only to show it); `indexes` place a filtered view in the trace. */
export type LadderOptions = View & {
	/** Columns available; no line is wider. */
	readonly width: number;
	/** seq/ack relative to the ISNs (rel.seq/rel.ack, Wireshark's default) instead of absolute. */
	readonly relative: boolean;
	/** A segment being asked about: drawn as `?` after the rows; `from` omitted when the sender is the question. */
	readonly pending?: {readonly from?: Side};
	/** Keep only the newest rows (the header line is not counted). */
	readonly maxRows?: number;
	/** ANSI colours (default false); every mark is also written in words or symbols. */
	readonly color?: boolean;
	/** A time column (seconds since the start), when the width allows (72 columns or more). */
	readonly time?: boolean;
	/** The diagram's words in the learner's language (default English). */
	readonly words?: LadderWords;
	/** Each connection's name when the diagram holds several (connectionNames: "C" for a lesson's client C); "#N" without one. */
	readonly names?: ReadonlyMap<number, string>;
};

/** The words a ladder draws besides TCP's own (flags, numbers and states are never translated). */
export type LadderWords = {
	readonly client: string;
	readonly server: string;
	readonly time: string;
	/** "↑ {n} earlier rows", longest form first. */
	readonly earlier: (n: number) => readonly string[];
	readonly lost: string;
	/** The simulator's own words (causes, notes) in the learner's language. */
	readonly sim?: (text: string) => string;
};

export const ENGLISH_LADDER: LadderWords = {
	client: 'client', server: 'server', time: 'time (s)', lost: 'lost',
	earlier: n => [`↑ ${n} earlier row${n === 1 ? '' : 's'}`, `↑ ${n} earlier`, `↑ ${n}`],
};

/** Label forms from the most to the least verbose: the widest that fits every row is used for all rows. */
const TIERS = 7;
/** The label forms that write flags as tcpdump's letters. */
const LETTER_TIERS: readonly number[] = [3, 6];
/** tcpdump's flag letters, in its order, with the words they stand for (the legend). */
const LETTERS: readonly (readonly [string, string])[] = [['S', 'SYN'], ['F', 'FIN'], ['R', 'RST'], ['P', 'PSH'], ['.', 'ACK']];

// Linux's ss(8) names, for narrow terminals.
const SHORT_STATES: Partial<Record<State, string>> = {'SYN-RECEIVED': 'SYN-RECV', ESTABLISHED: 'ESTAB'};

const SGR = {lost: '31', dup: '33', pending: '1;36', changed: '1;32', dim: '2', header: '1', flood: '35'} as const;

type Part = {readonly text: string; readonly style?: string};
type SegmentRow = Extract<LadderRow, {kind: 'segment'}>;

export function ladderLines(events: readonly TraceEvent[], opts: LadderOptions): string[] {
	return ladderLinesOfRows(ladderRows(events, opts), opts);
}

/** ladderLines() of rows already made by ladderRows() with the same view (explain places its notes by them). */
export function ladderLinesOfRows(all: readonly LadderRow[], opts: LadderOptions): string[] {
	const width = Math.max(1, Math.floor(opts.width));
	// Several connections in one diagram: each arrow says which one it belongs to (its client's name, else #1, #2 … as the trace's conn).
	const numbered = new Set(all.flatMap(r => (r.kind === 'segment' ? [r.seg.conn] : []))).size > 1;
	const tag = (conn: number) => (numbered ? `${opts.names?.get(conn) ?? `#${conn}`} ` : '');
	const budget = opts.maxRows === undefined ? Infinity : Math.max(0, Math.floor(opts.maxRows));
	const rowBudget = opts.pending ? Math.max(0, budget - 1) : budget;
	const rows = rowBudget === Infinity ? all : all.slice(Math.max(0, all.length - rowBudget));
	const above = all.length - rows.length; // rows scrolled away
	const previous = above > 0 ? all[above - 1]?.states : undefined;

	const full = width >= 60;
	const stateWidth = Math.min(full ? 12 : 10, Math.max(1, Math.floor((width - 9) / 2)));
	const timeWidth = opts.time && width >= 72 ? 9 : 0;
	const mid = Math.max(0, width - timeWidth - 2 * stateWidth - 2);
	const name = (s: State) => (full ? s : SHORT_STATES[s] ?? s);
	const labelAt = labels(opts.relative, tag);
	const tier = pickTier(rows, mid, labelAt);

	const words = opts.words ?? ENGLISH_LADDER;
	const line = (time: string, left: Part, middle: Part[], right: Part) => render(clip([
		...(timeWidth ? [{text: padStart(time, timeWidth - 1) + ' '}] : []),
		{...left, text: padEnd(left.text, stateWidth)}, {text: ' '}, ...middle, {text: ' '}, right,
	], width), opts.color === true);

	const out: string[] = [];
	const legend = LETTERS.filter(([letter]) => rows.some(r => r.kind === 'segment' && LETTER_TIERS.includes(rowTier(r, tier, mid, labelAt))
		&& letterFlags(r.seg).includes(letter))).map(([letter, word]) => `${letter}=${word}`);
	// The header's middle may also use what the word "client" leaves of its column.
	const client = fit(words.client, stateWidth);
	const spare = Math.max(0, stateWidth - columns(client));
	out.push(render(clip([
		...(timeWidth ? [{text: padStart(fit(words.time, timeWidth - 1), timeWidth - 1) + ' '}] : []),
		{text: client, style: SGR.header}, {text: ' '}, {text: center(headerMiddle(words.earlier(above), above, legend, spare + mid), spare + mid), style: SGR.dim},
		{text: ' '}, {text: fit(words.server, stateWidth), style: SGR.header},
	], width), opts.color === true));

	let before = previous;
	rows.forEach(row => {
		const state = (side: Side): Part => {
			if (row.hidden.includes(side)) return {text: '?', style: SGR.pending};
			const s = row.states[side];
			return {text: fit(name(s), stateWidth), ...(before && before[side] !== s ? {style: SGR.changed} : {})};
		};
		out.push(line(seconds(row.t), state('client'), middleOf(row, mid, tier, labelAt, words), state('server')));
		before = row.states;
	});
	if (opts.pending) out.push(line('', {text: ''}, pendingArrow(opts.pending.from, mid), {text: ''}));
	return out;
}

/**
 * The label form for the whole diagram: the most verbose one with which at least half of the segment rows
 * fit, so that a few long rows (lost or retransmitted data) do not take the numbers off every label.
 * A row that still does not fit takes the most verbose form that does (`rowTier`).
 */
function pickTier(rows: readonly LadderRow[], mid: number, labelAt: Labels): number {
	const segs = rows.filter((r): r is SegmentRow => r.kind === 'segment');
	for (let tier = 0; tier < TIERS; tier++) {
		if (segs.filter(r => fits(r, tier, mid, labelAt)).length >= 0.5 * segs.length) return tier;
	}
	return TIERS - 1;
}

function rowTier(row: SegmentRow, from: number, mid: number, labelAt: Labels): number {
	for (let tier = from; tier < TIERS; tier++) if (fits(row, tier, mid, labelAt)) return tier;
	return TIERS - 1;
}

function fits(row: SegmentRow, tier: number, mid: number, labelAt: Labels): boolean {
	return columns(labelAt(row, tier)) + overhead(row.seg) <= mid;
}

/** Columns an arrow takes besides its label: `─ label ─▶`, or `─ label ─✗ lost` for a lost one. */
function overhead(seg: SegmentEvent): number {
	return seg.fate === 'dropped' ? 10 : 5;
}

/** `FIN,ACK seq=1101 ack=5201 len=0` … `F. 1101/5201` … `F.`; data that ends a write: `PSH,ACK` … `P.`. */
export function segmentLabel(seg: SegmentEvent, tier: number, relative: boolean): string {
	const seq = relative ? seg.rel.seq : seg.seq;
	const ack = relative ? seg.rel.ack : seg.ack;
	const words = wordFlags(seg);
	const len = seg.len > 0 ? ` len=${seg.len}` : '';
	switch (tier) {
		case 0: return `${words} seq=${seq}${ack === null ? '' : ` ack=${ack}`}${seg.flags.includes('SYN') ? len : ` len=${seg.len}`}`;
		case 1: return `${words} seq=${seq}${ack === null ? '' : ` ack=${ack}`}${len}`;
		case 2: return `${words} ${seq}${ack === null ? '' : `/${ack}`}${len}`;
		case 3: return `${letterFlags(seg)} ${seq}${ack === null ? '' : `/${ack}`}${len}`;
		case 4: return `${words}${len}`;
		case 5: return words;
		default: return letterFlags(seg);
	}
}

/** A segment row's label at a tier. */
type Labels = (row: SegmentRow, tier: number) => string;

/** Labels made once a diagram: choosing the tier measures each row's label several times. */
function labels(relative: boolean, tag: (conn: number) => string): Labels {
	const made = new Map<SegmentRow, string[]>();
	return (row, tier) => {
		let forms = made.get(row);
		if (!forms) made.set(row, (forms = []));
		return (forms[tier] ??= tag(row.seg.conn) + labelOf(row, tier, relative));
	};
}

function labelOf(row: SegmentRow, tier: number, relative: boolean): string {
	const marks = [
		row.retransmit ? (tier === 0 ? 'retransmission' : 'rtx') : '',
		row.seg.fate === 'duplicated' ? (tier === 0 ? 'duplicated' : 'dup') : '',
		row.seg.delayed ? (tier === 0 ? 'delayed' : 'late') : '',
		row.inFlight ? 'in flight' : '',
	].filter(Boolean);
	return segmentLabel(row.seg, tier, relative) + marks.map(m => ` [${m}]`).join('');
}

/** SYN,ACK / FIN,ACK / PSH,ACK / RST — the control flag first and ACK last, as people (and Wireshark) write it. */
function wordFlags(seg: SegmentEvent): string {
	const shown = ['SYN', 'FIN', 'RST', 'PSH', 'ACK'].filter(f => seg.flags.includes(f as never));
	return shown.length ? shown.join(',') : 'none';
}

/** tcpdump's letters, in its order: S, F, R, P, and `.` for ACK (`[P.]`, `[FP.]`). */
function letterFlags(seg: SegmentEvent): string {
	const l = LETTERS.filter(([, word]) => seg.flags.includes(word as never)).map(([letter]) => letter).join('');
	return l || 'none';
}

/** The header's middle: how many rows scrolled away, and a legend of the letters drawn; shorter forms when narrow. */
function headerMiddle(forms: readonly string[], above: number, legend: readonly string[], mid: number): string {
	const earlier = above > 0 ? forms : [''];
	for (let keep = legend.length; keep >= 0; keep--) {
		for (const e of earlier) {
			const text = [e, legend.slice(0, keep).join(' ')].filter(Boolean).join(' · ');
			if (columns(text) <= mid) return text;
		}
	}
	return fit(earlier[earlier.length - 1]!, mid);
}

function middleOf(row: LadderRow, mid: number, tier: number, labelAt: Labels, words: LadderWords): Part[] {
	switch (row.kind) {
		case 'segment': return segmentArrow(row, mid, tier, labelAt, words);
		case 'state': {
			const sim = words.sim ?? (text => text);
			const left = row.causes.client.map(sim).join(', ');
			const right = row.causes.server.map(sim).join(', ');
			const half = left && right ? Math.floor((mid - 1) / 2) : mid;
			const l = fit(left, half);
			const r = fit(right, half);
			return [{text: l + ' '.repeat(Math.max(0, mid - columns(l) - columns(r))) + r, style: SGR.dim}];
		}
		case 'note': {
			const text = fit(`· ${(words.sim ?? (n => n))(row.note.note)}`, mid);
			return [{text: row.note.endpoint === 'client' ? padEnd(text, mid) : padStart(text, mid), style: SGR.dim}];
		}
		case 'flood': {
			const f = row.flood;
			const parts = [f.queued ? `${f.queued} queued` : '', f.cookies ? `${f.cookies} cookies` : '', f.dropped ? `${f.dropped} dropped` : ''].filter(Boolean);
			const labels = [`flood: ${f.syns} spoofed SYNs${parts.length ? ` (${parts.join(', ')})` : ''}`, `flood: ${f.syns} SYNs`, `${f.syns} SYN`];
			const label = labels.find(l => columns(l) + 5 <= mid) ?? fit(labels[2]!, Math.max(0, mid - 5));
			return [{text: arrow('right', label, mid), style: SGR.flood}];
		}
	}
}

function segmentArrow(row: SegmentRow, mid: number, tier: number, labelAt: Labels, words: LadderWords): Part[] {
	const seg = row.seg;
	const dir = seg.from === 'client' ? 'right' : 'left';
	const text = labelAt(row, rowTier(row, tier, mid, labelAt));
	if (seg.fate === 'dropped') {
		// The arrow stops part-way: the segment never arrived. Too narrow for "✗ lost": just "✗".
		if (mid - 10 < 1) {
			const label = fit(text, Math.max(1, mid - 4));
			const short = dir === 'right' ? padEnd(`─ ${label} ✗`, mid) : padStart(`✗ ${label} ─`, mid);
			return [{text: clusters(short).slice(0, mid).join(''), style: SGR.lost}];
		}
		const lost = fit(words.lost, 4);
		const label = fit(text, mid - 6 - columns(lost));
		const span = Math.min(mid, Math.max(columns(label) + 6 + columns(lost), Math.round(mid * 0.6)));
		const dashes = '─'.repeat(Math.max(1, span - columns(label) - 5 - columns(lost)));
		const line = dir === 'right' ? padEnd(`─ ${label} ${dashes}✗ ${lost}`, mid) : padStart(`${lost} ✗${dashes} ${label} ─`, mid);
		return [{text: line, style: SGR.lost}];
	}
	const label = fit(text, Math.max(1, mid - 5));
	return [{text: arrow(dir, label, mid), ...(seg.fate === 'duplicated' || row.retransmit ? {style: SGR.dup} : {})}];
}

function arrow(dir: 'left' | 'right', label: string, mid: number): string {
	const dashes = '─'.repeat(Math.max(1, mid - columns(label) - 4));
	return dir === 'right' ? `─ ${label} ${dashes}▶` : `◀${dashes} ${label} ─`;
}

function pendingArrow(from: Side | undefined, mid: number): Part[] {
	if (from === undefined) {
		const side = '┄'.repeat(Math.max(0, Math.floor((mid - 3) / 2)));
		return [{text: center(`${side} ? ${side}`, mid), style: SGR.pending}];
	}
	return [{text: arrow(from === 'client' ? 'right' : 'left', '?', mid), style: SGR.pending}];
}

function seconds(t: number): string {
	return t.toFixed(3);
}

/** Drop whatever would pass `width` (a safety net: the layout above already fits). */
function clip(parts: readonly Part[], width: number): Part[] {
	const out: Part[] = [];
	let used = 0;
	for (const p of parts) {
		const [kept, keptWidth] = takeColumns(p.text, width - used);
		if (kept) out.push(kept === p.text ? p : {...p, text: kept});
		if (kept !== p.text) break; // nothing after a cut: a wide character cut at the edge would shift what follows
		used += keptWidth;
	}
	return out;
}

function render(parts: readonly Part[], color: boolean): string {
	const trimmed = [...parts];
	while (trimmed.length && trimmed[trimmed.length - 1]!.text.trimEnd() === '') trimmed.pop();
	const last = trimmed[trimmed.length - 1];
	if (last) trimmed[trimmed.length - 1] = {...last, text: last.text.trimEnd()};
	return trimmed.map(p => (color && p.style && p.text.trim() ? `\u001B[${p.style}m${p.text}\u001B[0m` : p.text)).join('');
}

export type {LadderRow, States, Unknown, View};
