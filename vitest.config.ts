import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// e2e tests spawn the built CLI in tmux; they need more than the default 5 s.
		testTimeout: 20000,
		pool: 'forks',
	},
});
