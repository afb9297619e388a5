// What the player shows, as lines already wrapped and cut to the terminal (tested without ink):
// the player must fit 80x24 and stay readable at 60x20, so every block is measured here and the
// ladder gets the lines that are left, newest rows first.
import {
	type Session, choicesFor, currentBeat, currentField, currentQuestion, explanation, progressOf, storyFor,
	fieldLabel, fieldName, promptText, hintTexts, verdicts, visible,
} from '../lessons/engine.js';
import {fit, padEnd, width as columns} from '../text-width.js';
import {describeStep} from '../lessons/captions.js';
import type {Side} from '../sim/segment.js';
import type {TraceEvent} from '../sim/trace.js';
import {ladderRows} from './ladder-rows.js';
import type {Tone} from './Tinted.js';
import {wrapText} from './wrap.js';
import {bar} from '../amounts.js';

/** How the player is being used right now (state of the component, not of the lesson). */
export type PlayerUi = {
	/** The analogy view of the story instead of the TCP view. */
	readonly analogy: boolean;
	/** Something is typed in the text field: every key types (the command keys act only on an empty field). */
	readonly typing?: boolean;
	/** `s` was pressed once: the next `s` reveals. */
	readonly confirmReveal: boolean;
	/** `h` was pressed with every hint shown already. */
	readonly noMoreHints: boolean;
};

/** The player as a new field or beat starts it (the analogy view is kept across fields by its users). */
export const FRESH_UI: PlayerUi = {analogy: false, confirmReveal: false, noMoreHints: false};

export type Line = {readonly text: string; readonly tone?: Tone; readonly bold?: boolean};

export type PlayerView = {
	readonly header: readonly Line[];
	readonly ladder: {
		readonly events: readonly TraceEvent[];
		readonly pending?: {readonly from?: Side};
		readonly unknown: Partial<Record<Side, number>>;
		readonly indexes: readonly number[];
		readonly maxRows: number;
	};
	readonly story: readonly Line[];
	/** The prompt, the fields answered so far, and the label of the field being asked. */
	readonly question: readonly Line[];
	/** The input: a select list of choices, a text field, or none (explained, or no question). */
	readonly input?: {readonly kind: 'select'; readonly choices: readonly string[]; readonly limit: number} | {readonly kind: 'text'; readonly label: string};
	/** Feedback, rule, hints, explanation, "Enter to continue". */
	readonly after: readonly Line[];
	readonly footer: string;
	/** Blank lines to put between the blocks (0 when the terminal is short). */
	readonly gaps: number;
};


/** The events to draw (what the engine lets the learner see), the segment being asked about, the states not known yet. */
export function ladderFocus(s: Session): {events: readonly TraceEvent[]; pending?: {from?: Side}; unknown: Partial<Record<Side, number>>; indexes: readonly number[]} {
	const v = visible(s);
	return {events: v.events, unknown: v.unknown, indexes: v.indexes, ...(v.pending ? {pending: v.pending} : {})};
}

function feedbackLines(s: Session, width: number): Line[] {
	const fb = s.feedback;
	if (!fb) return [];
	const {t} = s.texts;
	const name = fieldLabel(fb.field, s.texts);
	const rule = fb.rule ? wrapText(fb.rule, width).map(text => ({text, tone: 'dim' as const})) : [];
	const said = {expected: fb.expected, given: fb.given ?? '', name};
	switch (fb.kind) {
		case 'correct': return [...wrapText(t('fb.correct', said), width).map(text => ({text, tone: 'good' as const, bold: true})), ...rule];
		case 'revealed': return [...wrapText(t('fb.revealed', said), width).map(text => ({text, tone: 'warn' as const, bold: true})), ...rule];
		case 'wrong': return [...wrapText(t('fb.wrong', said), width).map(text => ({text, tone: 'bad' as const})), ...rule];
		case 'unreadable': return wrapText(t('fb.unreadable', {...said, name: name.toLowerCase()}), width).map(text => ({text, tone: 'warn' as const}));
	}
}

/** A block of lines that can give up lines when the terminal is short; `newest` blocks keep their end. */
type Block = {lines: Line[]; min: number; newest?: boolean};

function shrink(b: Block, width: number): void {
	if (b.lines.length <= b.min) return;
	if (b.newest) {
		const kept = b.lines.slice(1);
		kept[0] = {...kept[0]!, text: fit(`… ${kept[0]!.text}`, width)};
		b.lines = kept;
		return;
	}
	const kept = b.lines.slice(0, b.lines.length - 1);
	const last = kept[kept.length - 1];
	if (last) kept[kept.length - 1] = {...last, text: fit(`${last.text} …`, width)};
	b.lines = kept;
}

export function playerView(s: Session, ui: PlayerUi, width: number, height: number): PlayerView {
	const w = Math.max(10, width);
	const {t} = s.texts;
	const q = currentQuestion(s);
	const field = currentField(s);
	const {done, total} = progressOf(s);
	const open = q !== undefined && !s.explained;

	// Header: title, numbers mode, question k of n, a bar.
	const where = `${t(s.relative ? 'player.relative' : 'player.absolute')} · ${open ? t('player.questionOf', {k: done + 1, n: total}) : t('player.answeredOf', {done, total})}`;
	const barWidth = w >= 70 ? 12 : w >= 50 ? 6 : 0;
	const right = barWidth ? `${where} ${bar(done, total, barWidth)}` : where;
	const title = fit(s.lesson.title, Math.max(0, w - columns(right) - 2));
	const header: Line[] = [{text: fit(`${padEnd(title, Math.max(columns(title) + 2, w - columns(right)))}${right}`, w), bold: true}];

	// Story: the step's own, TCP view or analogy; for a step the lesson says nothing about, what happens in it.
	const story = storyFor(s);
	const beat = currentBeat(s);
	const caption = beat.kind === 'intro' || beat.kind === 'end' ? '' : `▸ ${describeStep(s.trace.steps[beat.step]!.step, s.texts)}`;
	const storyText = !story ? caption : ui.analogy
		? story.analogy ? t('player.analogy', {text: story.analogy}) : t('player.noAnalogy')
		: t('player.tcp', {text: story.tcp});
	const storyBlock: Block = {lines: storyText ? wrapText(storyText, w).map(text => ({text})) : [], min: Math.min(1, storyText ? 1 : 0)};

	// Question: prompt, fields answered so far, the field being asked.
	const promptBlock: Block = {lines: [], min: 0};
	const answered: Line[] = [];
	let input: PlayerView['input'];
	if (q) {
		promptBlock.lines = wrapText(`? ${promptText(s) ?? ''}`, w).map(text => ({text, bold: true}));
		promptBlock.min = Math.min(2, promptBlock.lines.length);
		const mark = (v: ReturnType<typeof verdicts>[number]) => (v.shown ? t('player.shown') : v.given !== undefined ? t('player.youSaid', {given: v.given}) : s.missed.includes(v.field) ? t('player.notFirstTry') : '✓');
		const parts = verdicts(s).map(v => `${fieldName(v.field, s.texts)} ${v.expected} ${mark(v)}`);
		if (parts.length) answered.push({text: fit(parts.join(' · '), w), tone: 'good'});
		if (field) {
			const choices = choicesFor(field, s.texts);
			const label = fieldLabel(field, s.texts);
			const withMode = field === 'seq' || field === 'ack' ? t('player.mode', {label, mode: t(s.relative ? 'player.relative' : 'player.absolute')}) : label;
			if (choices) input = {kind: 'select', choices, limit: Math.min(choices.length, height >= 30 ? 8 : height >= 22 ? 5 : 4)};
			else input = {kind: 'text', label: fit(withMode, w)};
			if (choices) answered.push({text: fit(`${label}${s.texts.lang === 'zh' ? '：' : ':'}`, w), bold: true});
		}
	}

	// After the input: feedback (and the rule once right or revealed), hints, explanation.
	const fbBlock: Block = {lines: ui.confirmReveal
		? wrapText(t('player.confirmReveal'), w).map(text => ({text, tone: 'warn' as const, bold: true}))
		: feedbackLines(s, w), min: 1};
	fbBlock.min = Math.min(fbBlock.lines.length, s.feedback?.rule ? 1 : fbBlock.lines.length);
	const hints = open && q ? hintTexts(s).flatMap((h, i) => wrapText(t('player.hint', {k: i + 1, n: q.hints.length, text: h}), w)) : [];
	if (open && ui.noMoreHints) hints.push(...wrapText(t('player.noMoreHints'), w));
	const hintBlock: Block = {lines: hints.map(text => ({text, tone: 'accent' as const})), min: Math.min(1, hints.length), newest: true};
	const expl = explanation(s);
	const explBlock: Block = {lines: expl ? wrapText(expl, w).map(text => ({text})) : [], min: Math.min(2, expl ? 2 : 0)};
	// Between stops the beats play on their own; Enter jumps to the next stop.
	const nextStop = s.beats.findIndex((b, i) => i > s.pos && b.stop);
	const toResults = nextStop === s.beats.length - 1; // the next stop is the end: the summary
	const contText = t(!beat.stop ? 'player.skipAhead' : toResults ? 'player.results' : 'player.continue');
	const cont: Line[] = !open ? [{text: fit(contText, w), tone: 'accent', bold: true}] : [];

	const footer = footerText(ui, input?.kind, open, w, s.texts);
	const inputHeight = () => (input ? (input.kind === 'select' ? input.limit : 2) : 0);
	const fixed = () => header.length + 1 /* footer */ + answered.length + inputHeight() + cont.length;
	const available = Math.max(1, height - 1); // the last line stays free: ink redraws everything when a frame fills the screen
	const events = ladderFocus(s);
	const ladderNatural = 1 + ladderRows(events.events, events).length + (events.pending ? 1 : 0);
	// At least 2, as the ladder is drawn below (its header and a row): reserving 1 let a long story overfill the frame.
	const ladderMin = Math.max(2, Math.min(ladderNatural, 3));
	const flex = [storyBlock, hintBlock, explBlock, fbBlock, promptBlock]; // shrunk in this order
	const used = () => fixed() + flex.reduce((n, b) => n + b.lines.length, 0);
	const over = () => used() + ladderMin - available;
	for (const b of flex) while (over() > 0 && b.lines.length > b.min) shrink(b, w);
	// A very small terminal: down to one line a block (the story can go), then a shorter list of choices.
	if (over() > 0) {
		for (const b of flex) b.min = Math.min(b.min, b === storyBlock ? 0 : 1);
		for (const b of flex) while (over() > 0 && b.lines.length > b.min) shrink(b, w);
	}
	if (over() > 0 && input?.kind === 'select') input = {...input, limit: Math.max(2, input.limit - over())};
	// A list cut short takes the lines the ladder leaves blank, so every choice shows when the screen allows.
	const free = available - used() - ladderNatural;
	if (free > 0 && input?.kind === 'select') input = {...input, limit: Math.min(input.choices.length, input.limit + free)};
	const ladderLinesLeft = Math.max(2, Math.min(ladderNatural, available - used()));
	const gaps = Math.max(0, Math.min(2, available - used() - ladderLinesLeft));

	return {
		header,
		ladder: {...events, maxRows: ladderLinesLeft - 1},
		story: storyBlock.lines,
		question: [...promptBlock.lines, ...answered],
		...(input ? {input} : {}),
		after: [...fbBlock.lines, ...hintBlock.lines, ...explBlock.lines, ...cont],
		footer,
		gaps,
	};
}

function footerText(ui: PlayerUi, input: 'select' | 'text' | undefined, open: boolean, width: number, {t}: Session['texts']): string {
	const keys = (input === 'text' && ui.typing
		? ['keys.answer', 'keys.clear', 'keys.help'] as const
		: open
			? [input === 'select' ? 'keys.choose' : 'keys.type', 'keys.hint', 'keys.show', 'keys.rel', 'keys.analogy', 'keys.help', 'keys.menu'] as const
			: ['keys.continue', 'keys.rel', 'keys.analogy', 'keys.help', 'keys.menu'] as const).map(k => t(k));
	let text = '';
	for (const k of keys) {
		const next = text ? `${text} · ${k}` : k;
		if (columns(next) > width) break;
		text = next;
	}
	return text;
}

