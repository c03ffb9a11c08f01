// Preloaded into the CLI under test (and, through execArgv, into tesseract's worker threads): any
// attempt to reach the network throws and is recorded on stderr, so the test can fail on it.
// Unix-domain sockets are local IPC, not network (tsx talks to its parent over one), and pass.
const net = require('node:net');
const dns = require('node:dns');

const refuse = (what) => {
  process.stderr.write(`NETWORK-ATTEMPT ${what}\n`);
  throw new Error(`network access attempted: ${what}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const [first] = args;
  const options = Array.isArray(first) ? first[0] : first;
  const isLocalIpc =
    typeof options === 'string' || (options !== null && typeof options === 'object' && 'path' in options);
  if (!isLocalIpc) refuse(`socket ${JSON.stringify(options)}`);
  return connect.apply(this, args);
};
dns.lookup = (host) => refuse(`dns ${host}`);
globalThis.fetch = async (url) => refuse(`fetch ${String(url)}`);
