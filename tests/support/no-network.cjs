// Preloaded into the CLI under test (and, through execArgv, into tesseract's worker threads): any
// attempt to reach the network throws and is recorded on stderr, so the test can fail on it.
const net = require('node:net');
const dns = require('node:dns');
const refuse = (what) => {
  process.stderr.write(`NETWORK-ATTEMPT ${what}\n`);
  throw new Error(`network access attempted: ${what}`);
};
net.Socket.prototype.connect = function connect() {
  refuse('socket');
};
dns.lookup = (host) => refuse(`dns ${host}`);
globalThis.fetch = async (url) => refuse(`fetch ${String(url)}`);
