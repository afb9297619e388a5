// The ladder's own words (header, "lost", rows scrolled away) in the learner's language.
import type {Texts} from '../i18n/texts.js';
import type {LadderWords} from './ladder.js';

export function ladderWords({t, n, sim}: Texts): LadderWords {
	return {
		sim,
		client: t('ladder.client'), server: t('ladder.server'), time: t('ladder.time'), lost: t('ladder.lost'),
		earlier: count => [n('ladder.earlier', count), t('ladder.earlierShort', {n: count}), `↑ ${count}`],
	};
}
