// Runs a command on this terminal and records how it ended in a file, surviving the terminal's
// hang-up itself. With --forward it passes SIGHUP on to the command, as a shell does to its jobs.
const {spawn} = require('node:child_process');
const {renameSync, writeFileSync} = require('node:fs');

const [status, mode, ...command] = process.argv.slice(2);
const child = spawn(process.execPath, command, {stdio: 'inherit'});
process.on('SIGHUP', () => {
	if (mode === '--forward') child.kill('SIGHUP');
});
// Written whole, then renamed: the test reads the file as soon as it exists (it once read it empty).
child.on('exit', (code, signal) => {
	writeFileSync(`${status}.part`, JSON.stringify({code, signal}));
	renameSync(`${status}.part`, status);
});
