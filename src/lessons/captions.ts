// A scenario step in words, for a step the lesson's story says nothing about ("The client calls
// close()."): the learner sees what happens next without reading the scenario's syntax.
import type {Call} from '../sim/calls.js';
import type {Step} from '../sim/scenario.js';
import type {Side} from '../sim/segment.js';

const CALLS: Record<Call['name'], (side: Side, call: Call) => string> = {
	listen: (side, call) => `The ${side} calls listen()${call.reuseAddr ? ' on a socket with SO_REUSEADDR' : ''}.`,
	connect: side => `The ${side} calls connect().`,
	accept: (side, call) => call.forUs !== undefined ? `The ${side} calls accept() in a loop for ${seconds(call.forUs)}.`
		: call.all ? `The ${side} accepts every connection waiting (accept()).` : `The ${side} calls accept().`,
	send: (side, call) => `The ${side} sends ${call.bytes ?? 0} bytes (send()${call.more ? ' with MSG_MORE: more is coming' : ''}).`,
	read: side => `The ${side} reads what has arrived (read()).`,
	close: (side, call) => call.listener ? `The ${side} closes its listening socket.` : `The ${side} calls close().`,
	shutdown: side => `The ${side} calls shutdown(SHUT_WR): it stops sending, and still reads.`,
	abort: side => `The ${side} aborts the connection (close() with SO_LINGER 0).`,
	cork: side => `The ${side} sets TCP_CORK: what it writes waits until a segment is full, the FIN goes, or it uncorks.`,
	uncork: side => `The ${side} clears TCP_CORK: what waited is sent.`,
	exit: side => `The ${side}'s process exits (or is killed): its kernel closes every socket the process held.`,
	crash: side => `The ${side}'s host crashes and restarts: it forgets every connection and sends nothing.`,
	poweroff: side => `The ${side}'s host powers off: from now on nothing reaches it and nothing comes from it.`,
	keepalive: (side, call) => `The ${side} turns on SO_KEEPALIVE${call.keepalive ? ` (idle ${seconds(call.keepalive.idleUs)}, then every ${seconds(call.keepalive.intvlUs)}, ${call.keepalive.probes} probes)` : ''}.`,
};

function seconds(us: number): string {
	const s = us / 1e6;
	return s < 1 ? `${Math.round(s * 1000)} ms` : `${Number(s.toFixed(3))} s`;
}

export function describeStep(step: Step): string {
	switch (step.kind) {
		case 'call': return CALLS[step.call.name](step.client ? `client ${step.client}` as Side : step.side, step.call);
		case 'together': return `At the same instant: ${step.calls.map(c => CALLS[c.call.name](c.side, c.call).replace(/^The /, 'the ').replace(/\.$/, '')).join(' and ')}.`;
		case 'wait': return `Time passes: ${seconds(step.us)}.`;
		case 'net': {
			const r = step.rule;
			const many = r.count === Infinity ? 'every' : r.count === 1 ? 'the next' : `the next ${r.count}`;
			const what = `${many} ${r.flags?.length ? `${r.flags.join(',')} ` : ''}segment${r.count === 1 || r.count === Infinity ? '' : 's'}${r.from ? ` from the ${r.from}` : ''}`;
			switch (r.action) {
				case 'drop': return `The network will lose ${what}.`;
				case 'delay': return `The network will hold ${what} back${r.byUs ? ` by ${seconds(r.byUs)}` : ''}.`;
				case 'duplicate': return `The network will deliver ${what} twice.`;
				case 'reorder': return `The network will deliver ${what} after the sender's next one.`;
			}
			return `The network changes.`;
		}
		case 'flood': return `${step.syns} SYNs with forged source addresses hit the server.`;
		case 'inject': return `A stray segment arrives from the ${step.from === 'client' ? 'client\'s side' : 'server\'s side'} of the network.`;
	}
}
