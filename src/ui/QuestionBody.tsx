// The middle of the player's screen, shared by a lesson and a single review or drill question: the
// ladder up to the question, the story, the question, and the list or text field that answers it.
import {Text} from 'ink';
import {useMemo} from 'react';
import type {Action, Session} from '../lessons/engine.js';
import {ChoiceList} from './ChoiceList.js';
import {LadderDiagram} from './LadderDiagram.js';
import {Lines} from './Lines.js';
import {connectionNames} from '../sim/connection-names.js';
import type {PlayerView} from './player-view.js';
import {TextField} from './TextField.js';

export type Props = {
	readonly view: PlayerView;
	readonly session: Session;
	readonly width: number;
	/** The key help is open: the choice list does not take keys. */
	readonly help: boolean;
	readonly text: string;
	/** Bumped when the text is set from outside, so the field starts afresh. */
	readonly textEpoch: number;
	readonly onTextChange: (value: string) => void;
	readonly act: (action: Action) => void;
	readonly clearText: () => void;
};

export function QuestionBody({view, session, width, help, text, textEpoch, onTextChange, act, clearText}: Props) {
	const gap = (n: number) => (view.gaps >= n ? <Text> </Text> : null);
	const names = useMemo(() => connectionNames(session.trace), [session.trace]); // arrows say "C", as plain mode says "client C"
	return (
		<>
			<LadderDiagram events={view.ladder.events} relative={session.relative} width={width} maxRows={view.ladder.maxRows}
				{...(view.ladder.pending ? {pending: view.ladder.pending} : {})} unknown={view.ladder.unknown} indexes={view.ladder.indexes} names={names} />
			{gap(1)}
			<Lines lines={view.story} />
			{gap(2)}
			<Lines lines={view.question} />
			{view.input?.kind === 'select' ? (
				<ChoiceList key={`${session.pos}:${session.field}`} choices={view.input.choices} limit={view.input.limit} active={!help}
					onChoose={choice => act({type: 'answer', text: choice})} />
			) : null}
			{view.input?.kind === 'text' ? (
				<TextField key={`${session.pos}:${session.field}:${textEpoch}`} label={view.input.label} value={text}
					onChange={onTextChange}
					onSubmit={v => {
						if (v.trim() === '') return;
						act({type: 'answer', text: v});
						clearText();
					}} />
			) : null}
		</>
	);
}
