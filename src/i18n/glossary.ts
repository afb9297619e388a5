// The one glossary of Chinese terms (issue 12). `tcp-tutor check` enforces it on every Chinese text,
// the UI catalogue's and the lessons' translations: where the English says `en`, the Chinese says
// `zh`; the `avoid` forms (literal or misleading translations) never appear. TCP's own names stay as
// engineers and `ss` write them: SYN, ACK, FIN, RST, seq, ack, ISN, and the states (ESTABLISHED,
// TIME-WAIT, CLOSE-WAIT …), never translated.
import type {Lang} from './lang.js';

/** The languages this glossary is for. */
export const GLOSSARY_LANGS: readonly Lang[] = ['zh'];

export type Term = {
	/** English forms, matched case-insensitively as whole words. */
	readonly en: readonly string[];
	/** The Chinese term. */
	readonly zh: string;
	/** Forms that must not appear in Chinese text. */
	readonly avoid?: readonly string[];
};

export const GLOSSARY: readonly Term[] = [
	{en: ['three-way handshake'], zh: '三次握手', avoid: ['三路握手', '三向握手']},
	{en: ['four-way close', 'four-segment close', 'four-way handshake', 'four-way wave'], zh: '四次挥手', avoid: ['四次握手', '四路挥手']},
	{en: ['SYN queue', 'half-open queue'], zh: '半连接队列', avoid: ['SYN队列']},
	{en: ['accept queue'], zh: '全连接队列', avoid: ['接受队列', '接收队列']},
	{en: ['initial sequence number'], zh: '初始序列号', avoid: ['初始序号']},
	{en: ['sequence number', 'sequence numbers'], zh: '序列号', avoid: ['顺序号']},
	{en: ['acknowledgment number', 'acknowledgement number', 'ack number'], zh: '确认号', avoid: ['应答号', '确认序号']},
	{en: ['retransmission', 'retransmit', 'retransmits'], zh: '重传', avoid: ['重发送']},
	{en: ['half-close', 'half-closed'], zh: '半关闭'},
	{en: ['simultaneous open'], zh: '同时打开'},
	{en: ['simultaneous close'], zh: '同时关闭'},
	{en: ['delayed ACK', 'delayed-ack'], zh: '延迟确认', avoid: ['推迟确认']},
	{en: ['keepalive probe', 'keepalive probes'], zh: '保活探测'},
	{en: ['timer', 'timers'], zh: '定时器', avoid: ['计时器']},
	{en: ['analogy'], zh: '类比'},
	{en: ['segment', 'segments'], zh: '报文段', avoid: ['数据段', '分段']},
	// The states keep their names: "TIME_WAIT / 时间等待" is not how engineers say it.
	{en: [], zh: 'TIME-WAIT', avoid: ['时间等待', '关闭等待', '最后确认', '同步已发送', '同步已接收', '终止等待', '已建立状态']},
];

const patterns = new Map<string, RegExp>(); // made once a form: check tests every Chinese text against every term

/** A term as a whole-word, case-insensitive pattern ("segment" is not found in "segmented" … but is in "segments"). */
function englishPattern(form: string): RegExp {
	let pattern = patterns.get(form);
	if (!pattern) patterns.set(form, (pattern = new RegExp(`(?<![\\w-])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i')));
	return pattern;
}

/** Where a Chinese text breaks the glossary, given the English it translates; empty when it keeps it. */
export function glossaryProblems(english: string, chinese: string): string[] {
	const out: string[] = [];
	for (const term of GLOSSARY) {
		for (const bad of term.avoid ?? []) if (chinese.includes(bad)) out.push(`"${bad}" should be written ${term.zh}`);
		const said = term.en.find(form => englishPattern(form).test(english));
		if (said && !chinese.includes(term.zh)) out.push(`the English says "${said}": the Chinese should say ${term.zh}`);
	}
	return out;
}
