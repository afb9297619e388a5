import {readFileSync} from 'node:fs';
import {defineConfig} from 'vitest/config';

const {version} = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {version: string};

export default defineConfig({
	define: {__TCP_TUTOR_VERSION__: JSON.stringify(version)},
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		setupFiles: ['test/setup.ts'],
		// e2e tests spawn the built CLI in tmux; they need more than the default 5 s.
		testTimeout: 20000,
		pool: 'forks',
	},
});
