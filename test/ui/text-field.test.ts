import {describe, expect, it, vi} from 'vitest';
import {change} from '../../src/ui/TextField.js';

describe('text field input chunks', () => {
	it.each([
		['1001', '1001', false],
		['1001\r', '1001', true],
		['10\n01', '10', true],
		['x+1\u001b', 'x+1', false],
	])('%j → value %j, submitted: %s', (input, value, submitted) => {
		const onChange = vi.fn();
		const onSubmit = vi.fn();
		change(input, onChange, onSubmit);
		expect(onChange).toHaveBeenCalledWith(value);
		if (submitted) expect(onSubmit).toHaveBeenCalledWith(value);
		else expect(onSubmit).not.toHaveBeenCalled();
	});
});
