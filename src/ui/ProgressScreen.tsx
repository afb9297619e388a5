// The progress view in the interactive tutor: mastery by topic, due cards, missed most, the streak.
import {useInput, useStdin} from 'ink';
import {Lines} from './Lines.js';
import {width as displayColumns} from '../text-width.js';
import {useTexts} from './texts-context.js';
import {clampLines, fit, wrapText} from './wrap.js';

export type Props = {
	/** The overview's lines (overview/overview.ts overviewLines). */
	readonly lines: readonly string[];
	readonly onBack: () => void;
	readonly width: number;
	readonly height: number;
};

export function ProgressScreen({lines, onBack, width, height}: Props) {
	const {isRawModeSupported} = useStdin();
	const {t} = useTexts();
	useInput((input, key) => {
		if (key.return || key.escape || input === 'q') onBack();
	}, {isActive: isRawModeSupported === true});
	const w = Math.max(10, width);
	// A line that fits is drawn as it is (the topics' columns line up); a longer one is wrapped.
	const body = clampLines(lines.flatMap(l => (l === '' ? [' '] : displayColumns(l) <= w ? [l] : wrapText(l, w))), Math.max(1, height - 4), w);
	return <Lines lines={[{text: fit(t('practice.progress'), w), tone: 'title', bold: true}, {text: ' '}, ...body.map(text => ({text})),
		{text: ' '}, {text: fit(t('summary.menuKeys'), w), tone: 'dim'}]} />;
}

