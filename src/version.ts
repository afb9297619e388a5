// The package version, put in at build time (scripts/build.mjs and vitest.config.ts define it).
declare const __TCP_TUTOR_VERSION__: string | undefined;

export const VERSION: string = typeof __TCP_TUTOR_VERSION__ === 'string' ? __TCP_TUTOR_VERSION__ : '0.0.0-dev';
