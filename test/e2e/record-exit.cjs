// Runs a command on this terminal and records how it ended in a file, surviving the terminal's
// hang-up itself. With --forward it passes SIGHUP on to the command, as a shell does to its jobs.
const {spawn} = require('node:child_process');
const {writeFileSync} = require('node:fs');

const [status, mode, ...command] = process.argv.slice(2);
const child = spawn(process.execPath, command, {stdio: 'inherit'});
process.on('SIGHUP', () => {
	if (mode === '--forward') child.kill('SIGHUP');
});
child.on('exit', (code, signal) => writeFileSync(status, JSON.stringify({code, signal})));
