// The lesson menu: "continue where you left off" first, then the lessons grouped by topic with
// their state, the overall progress, and the highlighted lesson's summary. SelectInput does the
// moving and choosing; MenuItem only draws.
import {Box, Text, useInput, useStdin} from 'ink';
import SelectInput from 'ink-select-input';
import {useMemo, useState} from 'react';
import type {LessonEntry} from '../lessons/catalog.js';
import type {ProgressData} from '../progress/types.js';
import {type MenuAction, listLimit, menuLines, overallLine} from './menu-items.js';
import {MenuItem} from './MenuItem.js';
import {Tinted} from './Tinted.js';
import {clampLines, fit, wrapText} from './wrap.js';
import {useTexts} from './texts-context.js';

export type Props = {
	/** The lessons, in menu order. */
	readonly entries: readonly LessonEntry[];
	/** The learner's progress (read from the store by the caller). */
	readonly progress: ProgressData;
	/** Open a lesson (whether it resumes is the caller's business). */
	readonly onOpen: (lessonId: string) => void;
	/** A practice entry chosen (review, drill, the progress view). */
	readonly onAction?: (action: MenuAction) => void;
	/** Review cards due now (undefined until the scheduler, loaded after the first frame, has counted them). */
	readonly due?: number;
	/** q or Esc: leave the tutor. */
	readonly onQuit: () => void;
	/** Shown once above the list (the store's notice, a lesson that failed to load). */
	readonly message?: string;
	/** Terminal width: no line is wider. */
	readonly width: number;
	/** Terminal height: the list scrolls to fit. */
	readonly height: number;
	/** l: switch the language (English ⇄ 中文); absent, the key does nothing. */
	readonly onSwitchLanguage?: () => void;
};

const NoIndicator = () => null;

export function Menu({entries, progress, onOpen, onAction, due, onQuit, message, width, height, onSwitchLanguage}: Props) {
	const {isRawModeSupported} = useStdin();
	const texts = useTexts();
	const {t} = texts;
	const lines = useMemo(() => menuLines(entries, progress, texts, due), [entries, progress, texts, due]);
	const [highlight, setHighlighted] = useState<string | undefined>(lines[0]?.value);
	const highlighted = lines.find(l => l.value === highlight) ?? lines[0]; // the same line after a switch of language
	useInput((input, key) => {
		if (input === 'q' || key.escape) onQuit();
		else if (input === 'l' && onSwitchLanguage) onSwitchLanguage();
	}, {isActive: isRawModeSupported === true});

	const title = fit(t('menu.title', {overall: overallLine(entries, progress, texts)}), width);
	const notice = message ? clampLines(wrapText(message, width), 3, width) : [];
	const about = clampLines(wrapText(highlighted?.about ?? '', width), 2, width);
	// One line, cut by display width (a translated question holds wide characters).
	const classic = highlighted?.classic ? [fit(t('list.classic', {question: highlighted.classic}), width)] : [];
	const footer = fit(t('menu.footer'), width);
	const listHeight = Math.max(2, height - 1 - 1 - notice.length - 1 - classic.length - about.length - 1 - 1);
	const limit = listLimit(lines, listHeight);
	const byValue = useMemo(() => new Map(lines.map(l => [l.value, l])), [lines]);
	const Item = useMemo(() => ({label, isSelected = false}: {label: string; isSelected?: boolean}) => {
		const line = byValue.get(label);
		return line ? <MenuItem line={line} isSelected={isSelected} width={width} /> : null;
	}, [byValue, width]);

	return (
		<Box flexDirection="column">
			<Tinted tone="title" bold>{title}</Tinted>
			{notice.map((l, i) => <Tinted key={`n${i}`} tone="warn">{l}</Tinted>)}
			<Text> </Text>
			{lines.length === 0 ? <Text>{t('menu.empty')}</Text> : (
				<SelectInput
					key={texts.lang}
					{...(highlighted ? {initialIndex: Math.max(0, lines.indexOf(highlighted))} : {})}
					items={lines.map(l => ({key: l.value, label: l.value, value: l.value}))}
					isFocused={isRawModeSupported === true}
					{...(limit < lines.length ? {limit} : {})}
					indicatorComponent={NoIndicator}
					itemComponent={Item}
					onHighlight={item => setHighlighted(item.value)}
					onSelect={item => {
						const line = byValue.get(item.value);
						if (line?.action) onAction?.(line.action);
						else if (line) onOpen(line.lessonId);
					}}
				/>
			)}
			<Text> </Text>
			{classic.map((l, i) => <Tinted key={`c${i}`}>{l}</Tinted>)}
			{about.map((l, i) => <Tinted key={`a${i}`} tone="dim">{l}</Tinted>)}
			<Tinted tone="dim">{footer}</Tinted>
		</Box>
	);
}
