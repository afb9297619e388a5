// Plain mode for one question asked on its own (a review card, a drill question): the step's story,
// what the engine lets the learner see up to the question, the question, answers until it is
// solved or shown, then what it kept hidden and its explanation.
import {
	FIELD_LABELS, type Session, choicesFor, currentBeat, currentField, explanation, hintTexts, promptText, reduce, storyFor, verdicts,
} from '../lessons/engine.js';
import {describeStep} from '../lessons/captions.js';
import {reviewText} from '../review/text.js';
import {eventTeller} from './narrate.js';
import type {LineReader} from './play.js';

export type Asked = {readonly session: Session; readonly ended?: 'quit' | 'eof'};

export async function askPlain(start: Session, input: LineReader, write: (line: string) => void): Promise<Asked> {
	const {t} = reviewText;
	let s = start;
	const tellSeen = eventTeller(write);
	const tell = () => tellSeen(s);
	const beat = currentBeat(s);
	write(t('ask.step', {n: beat.step + 1, caption: describeStep(s.trace.steps[beat.step]!.step)}));
	const story = storyFor(s);
	if (story) {
		write(`  ${story.tcp}`);
		if (story.analogy) write(`  ${t('ask.analogy', {text: story.analogy})}`);
	}
	tell();
	write(t('ask.question', {prompt: promptText(s) ?? ''}));
	while (!s.explained) {
		const field = currentField(s)!;
		const choices = choicesFor(field);
		if (choices) write(`  ${choices.map((c, i) => `${i + 1}) ${c}`).join('  ')}`);
		write(`${FIELD_LABELS[field]}:`);
		const line = await input.next();
		if (line === undefined) return {session: s, ended: 'eof'};
		const text = line.normalize('NFKC').trim();
		if (text === 'q' || text === 'quit') return {session: s, ended: 'quit'};
		if (text === '?') {
			const before = s.hints;
			s = reduce(s, {type: 'hint'});
			write(s.hints > before ? t('ask.hint', {n: s.hints, text: hintTexts(s).at(-1) ?? ''}) : t('ask.noMoreHints'));
			continue;
		}
		s = reduce(s, text === '!' ? {type: 'reveal'} : {type: 'answer', text});
		const fb = s.feedback;
		if (!fb) continue;
		const rule = fb.rule ?? '';
		if (fb.kind === 'unreadable') write(t('ask.unreadable', {given: fb.given ?? '', expected: fb.expected}));
		else if (fb.kind === 'wrong') write(t('ask.wrong', {rule}));
		else if (fb.kind === 'revealed') write(t('ask.revealed', {expected: fb.expected, rule}));
		else write(t('ask.correct', {expected: fb.expected, rule}));
	}
	if (verdicts(s).length > 1 || s.missed.length > 0) {
		write(`  ${verdicts(s).map(v => `${v.field} ${v.expected}${v.given === undefined ? '' : t('ask.youSaid', {given: v.given})}`).join(' · ')}`);
	}
	tell();
	const why = explanation(s);
	if (why) write(`  ${why}`);
	return {session: s};
}
