// When the terminal goes away (its window closed, an ssh connection dropped), Node 20 cannot leave
// normally: at exit it restores the terminal's mode, tcsetattr fails with EIO, and a CHECK aborts
// the process (SIGABRT; SIGSEGV was seen too). So a process whose terminal is gone saves what it
// must, then ends by SIGHUP, as a hung-up process does; the kernel skips Node's exit handlers.
import {writeSync} from 'node:fs';

/** Is a terminal we run on gone (hung up)? Writing nothing to it fails with EIO then (its size is still answered). */
export function terminalGone(): boolean {
	// Which streams are terminals was decided at start: isatty() itself says false once the terminal hung up.
	for (const [fd, stream] of [[0, process.stdin], [1, process.stdout], [2, process.stderr]] as const) {
		if (!stream.isTTY) continue;
		try {
			writeSync(fd, '');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EIO') return true;
		}
	}
	return false;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** End now by SIGHUP (call once everything is saved): no exit handler runs, so nothing aborts. */
export function leaveByHangUp(): never {
	process.removeAllListeners('SIGHUP'); // back to the default action: terminate
	process.kill(process.pid, 'SIGHUP');
	for (;;) Atomics.wait(sleeper, 0, 0, 1000); // the signal arrives during this wait
}
