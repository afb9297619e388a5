// An error boundary around the player: whatever a lesson makes go wrong while it plays (a
// scenario the simulator cannot settle, a bug), the learner sees one sentence in the menu, never a
// stack trace (DEBUG shows it).
import {Component, type ReactNode} from 'react';

export type Props = {
	/** The player. */
	readonly children: ReactNode;
	/** Called once with what went wrong; the caller leaves the lesson. */
	readonly onError: (message: string) => void;
};

type State = {readonly failed: boolean};

export class PlayerGuard extends Component<Props, State> {
	override state: State = {failed: false};

	static getDerivedStateFromError(): State {
		return {failed: true};
	}

	override componentDidCatch(error: unknown): void {
		if (process.env['DEBUG']) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
		this.props.onError(error instanceof Error ? error.message : String(error));
	}

	override render(): ReactNode {
		return this.state.failed ? null : this.props.children;
	}
}
