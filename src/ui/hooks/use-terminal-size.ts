// The terminal's size, following resizes; 80x24 when the stream does not say (a pipe, a test).
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type Size = {readonly width: number; readonly height: number};

export function useTerminalSize(fixed?: Size): Size {
	const {stdout} = useStdout();
	const read = (): Size => fixed ?? {width: stdout.columns || 80, height: stdout.rows || 24};
	const [size, setSize] = useState<Size>(read);
	useEffect(() => {
		if (fixed) return;
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed?.width, fixed?.height]); // eslint-disable-line react-hooks/exhaustive-deps
	return fixed ?? size;
}
