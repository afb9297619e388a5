// One question in plain mode, as a lesson and a review or drill question both ask it: the step's
// story, then answers until the question is solved or its answer shown, each answered with feedback.
import {
	type Session, choicesFor, currentBeat, currentField, fieldLabel, fieldName, hintTexts, reduce, storyFor, verdicts,
} from '../lessons/engine.js';
import {describeStep} from '../lessons/captions.js';
import type {LineReader} from './play.js';

/** The session once the question is explained, or where the learner stopped (q, or the end of input). */
export type Answered = {readonly session: Session; readonly ended?: 'quit' | 'eof'};

/** "Step 3: The client calls close()." and the step's story (TCP view, then the analogy). */
export function tellStep(s: Session, write: (line: string) => void): void {
	const {t} = s.texts;
	const beat = currentBeat(s);
	write(t('plain.step', {n: beat.step + 1, caption: describeStep(s.trace.steps[beat.step]!.step, s.texts)}));
	const story = storyFor(s);
	if (story) {
		write(`  ${story.tcp}`);
		if (story.analogy) write(`  ${t('plain.analogy', {text: story.analogy})}`);
	}
}

/** Read answers to the current question until it is explained: ? a hint, ! the answer, q stops. */
export async function answerPlain(start: Session, input: LineReader, write: (line: string) => void): Promise<Answered> {
	const texts = start.texts;
	const {t} = texts;
	let s = start;
	while (!s.explained) {
		const field = currentField(s)!;
		const choices = choicesFor(field, texts);
		if (choices) write(`  ${choices.map((c, i) => `${i + 1}) ${c}`).join('  ')}`);
		write(`${fieldLabel(field, texts)}${texts.lang === 'zh' ? '：' : ':'}`);
		const line = await input.next();
		if (line === undefined) return {session: s, ended: 'eof'};
		const text = line.normalize('NFKC').trim(); // a Chinese input method types ？ ！ ｑ in full width
		if (text === 'q' || text === 'quit') return {session: s, ended: 'quit'};
		if (text === '?') {
			const before = s.hints;
			s = reduce(s, {type: 'hint'});
			write(s.hints > before ? t('plain.hint', {n: s.hints, text: hintTexts(s).at(-1) ?? ''}) : t('plain.noMoreHints'));
			continue;
		}
		s = reduce(s, text === '!' ? {type: 'reveal'} : {type: 'answer', text});
		const fb = s.feedback;
		if (!fb) continue;
		const said = {given: fb.given ?? '', expected: fb.expected, rule: fb.rule ?? ''};
		const key = fb.kind === 'unreadable' ? 'plain.unreadable' : fb.kind === 'wrong' ? 'plain.wrong' : fb.kind === 'revealed' ? 'plain.revealed' : 'plain.correct';
		write(t(key, said).replace(/(\S) {2,}(?=\S)/g, '$1 ')); // a claim has no rule text: no double space where it would be
	}
	if (verdicts(s).length > 1 || s.missed.length > 0) {
		write(`  ${verdicts(s).map(v => `${fieldName(v.field, texts)} ${v.expected}${v.given === undefined ? '' : t('plain.youSaid', {given: v.given})}`).join(' · ')}`);
	}
	return {session: s};
}
