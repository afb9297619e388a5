// State whose newest value can be read at once, before React renders it: key handlers run on every
// key, and two keys can arrive before one redraw (fast typing, a paste, a slow terminal).
import {useCallback, useRef, useState} from 'react';

export function useLatest<T>(initial: T): [T, (update: (previous: T) => T) => void, () => T] {
	const [value, setValue] = useState(initial);
	const ref = useRef(initial);
	const set = useCallback((update: (previous: T) => T) => {
		ref.current = update(ref.current);
		setValue(ref.current);
	}, []);
	const get = useCallback(() => ref.current, []);
	return [value, set, get];
}
