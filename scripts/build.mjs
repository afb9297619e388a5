// Bundles src/cli.tsx into one ESM file with no runtime dependencies (see issue "Ship it").
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const stub = fileURLToPath(new URL('stubs/react-devtools-core.js', import.meta.url));

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
