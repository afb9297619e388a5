// Simultaneous open on Linux loopback: a socket bound to 127.0.0.1:P that connects to itself
// meets its own SYN in SYN-SENT. Run under tcpdump: sudo bash scripts/capture/self-connect.sh
import net from 'node:net';
const port = 47321;
const s = net.connect({port, host: '127.0.0.1', localPort: port, localAddress: '127.0.0.1'});
s.on('connect', () => { console.log('connected'); setTimeout(() => s.destroy(), 200); });
s.on('error', e => console.log('error', e.code));
setTimeout(() => process.exit(0), 1000);
