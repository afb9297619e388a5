// The CLI loads the YAML parser and conf on demand (src/deferred.ts); tests use them directly.
import {loadLibraries} from '../src/deferred.js';

await loadLibraries();
