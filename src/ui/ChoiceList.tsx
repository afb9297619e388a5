// A select list of answers (flags, states, client/server …): SelectInput with our own indicator and
// item, so that the highlight shows without colour (❯ and bold) and no colour is drawn when it is off.
import {Text, useStdin} from 'ink';
import SelectInput from 'ink-select-input';
import {Tinted} from './Tinted.js';

export type Props = {
	/** The choices, in order. */
	readonly choices: readonly string[];
	/** How many are visible at once (the list scrolls). */
	readonly limit: number;
	/** Takes the keys (false while the key help is open). */
	readonly active: boolean;
	/** The chosen answer. */
	readonly onChoose: (choice: string) => void;
};

function Indicator({isSelected = false}: {isSelected?: boolean}) {
	return <Tinted tone="accent">{isSelected ? '❯ ' : '  '}</Tinted>;
}

function Item({label, isSelected = false}: {label: string; isSelected?: boolean}) {
	return <Text><Tinted tone={isSelected ? 'accent' : undefined} bold={isSelected}>{label}</Tinted></Text>;
}

export function ChoiceList({choices, limit, active, onChoose}: Props) {
	const {isRawModeSupported} = useStdin();
	return (
		<SelectInput
			items={choices.map(c => ({label: c, value: c}))}
			limit={limit}
			isFocused={isRawModeSupported === true && active}
			indicatorComponent={Indicator}
			itemComponent={Item}
			onSelect={item => onChoose(item.value)}
		/>
	);
}
