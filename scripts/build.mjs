// Bundles src/cli.tsx into one ESM file with no runtime dependencies (see issue "Ship it").
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const stub = fileURLToPath(new URL('stubs/react-devtools-core.js', import.meta.url));
const fastWidth = fileURLToPath(new URL('../src/fast-width.ts', import.meta.url));

// Every copy of string-width in the bundle (ink's, and wrap-ansi's older one) answers through
// src/fast-width.ts first: ASCII and Chinese text, coloured or not, is measured without segmenting it
// (a tenth of the Chinese menu's first frame), anything else by that copy itself. test/i18n/fast-width.test.ts checks
// that both copies agree with it.
const stringWidthFirstFast = {
	name: 'string-width-first-fast',
	setup(b) {
		b.onResolve({filter: /^string-width$/}, async args => {
			if (args.pluginData === 'real') return undefined;
			const real = await b.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, pluginData: 'real'});
			if (real.errors.length > 0) return {errors: real.errors};
			return {path: real.path, namespace: 'fast-width'};
		});
		b.onLoad({filter: /.*/, namespace: 'fast-width'}, args => ({
			resolveDir: process.cwd(),
			// require(), not import: the copy (an Intl.Segmenter and Unicode-property regexes to compile) is
			// evaluated the first time a text needs it, not at start-up.
			contents: `import {simpleWidth} from ${JSON.stringify(fastWidth)};
let real;
export default function stringWidth(text, options) {
	return (options === undefined && typeof text === 'string' ? simpleWidth(text, true) : undefined) ?? (real ??= require(${JSON.stringify(args.path)}).default)(text, options);
}`,
		}));
	},
};

await build({
	entryPoints: ['src/cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm', // ink's reconciler and yoga use top-level await
	minify: true,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"', __TCP_TUTOR_VERSION__: JSON.stringify(version)},
	alias: {'react-devtools-core': stub},
	plugins: [stringWidthFirstFast],
	// signal-exit and other CommonJS code call require(); give the ESM bundle one.
	banner: {js: "#!/usr/bin/env node\nimport {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	logLevel: 'warning',
});

// The menu's catalog of the shipped lessons (see src/lessons/catalog.ts).
await build({
	entryPoints: ['scripts/make-catalog.ts'], outfile: 'node_modules/.cache/tcp-tutor/make-catalog.mjs', bundle: true,
	platform: 'node', target: 'node20', format: 'esm', logLevel: 'warning', packages: 'external',
});
execFileSync(process.execPath, ['node_modules/.cache/tcp-tutor/make-catalog.mjs', 'lessons', 'dist/catalog.json'], {stdio: 'inherit'});
