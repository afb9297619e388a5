// Plain mode for one question asked on its own (a review card, a drill question): the step's story,
// what the engine lets the learner see up to the question, the question, answers until it is
// solved or shown, then what it kept hidden and its explanation. In the session's language.
import {type Session, explanation, promptText} from '../lessons/engine.js';
import {eventTeller} from './narrate.js';
import type {LineReader} from './play.js';
import {type Answered, answerPlain, tellStep} from './question.js';

export async function askPlain(start: Session, input: LineReader, write: (line: string) => void): Promise<Answered> {
	const tellSeen = eventTeller(write, start.texts);
	tellStep(start, write);
	tellSeen(start);
	write(start.texts.t('review.question', {prompt: promptText(start) ?? ''}));
	const asked = await answerPlain(start, input, write);
	if (asked.ended) return asked;
	tellSeen(asked.session);
	const why = explanation(asked.session);
	if (why) write(`  ${why}`);
	return asked;
}
