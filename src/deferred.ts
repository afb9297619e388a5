// Libraries the menu's first frame does not need (the YAML parser; conf and its schema compiler; the
// progress file's lock),
// loaded when a command needs them. In the bundle, a package reached only through import() is
// evaluated when import() runs, so its start-up cost is not paid before the first frame.
import type * as YamlLib from 'yaml';
import type ConfClass from 'conf';
import type * as LockLib from 'proper-lockfile';

let yaml: typeof YamlLib | undefined;
let conf: typeof ConfClass | undefined;
let lock: typeof LockLib | undefined;
let loading: Promise<void> | undefined;

/** A library was used before loadLibraries() finished. */
export class NotLoaded extends Error {}

export function loadLibraries(): Promise<void> {
	loading ??= Promise.all([import('yaml'), import('conf'), import('proper-lockfile')]).then(([y, c, l]) => {
		yaml = y;
		conf = c.default;
		lock = l;
	});
	return loading;
}

export function yamlLib(): typeof YamlLib {
	if (!yaml) throw new NotLoaded('the YAML parser was used before loadLibraries()');
	return yaml;
}

/** conf's class, or undefined while it is still loading. */
export function confClass(): typeof ConfClass | undefined {
	return conf;
}

/** proper-lockfile, or undefined while it is still loading (it loads with conf). */
export function lockLib(): typeof LockLib | undefined {
	return lock;
}
