/**
 * tesseract.js's Node worker, with Leptonica's messages left out of stderr. Leptonica (tesseract's
 * image library) prints "Error in boxClipToRectangle: box outside rectangle" and its like through
 * stderr while a photo is checked normally: tesseract goes on without the box. They reach the CLI's
 * stderr from this worker thread, through the WebAssembly core's printErr, which is console.error.
 * Anything else tesseract prints still comes through; its own messages go to debug_file (tesseract.ts).
 */
'use strict';

const { dirname, join } = require('node:path');

/** Leptonica's message shape (its ERROR_* and L_WARNING macros): "Error in <function>: <text>". */
const LEPTONICA_MESSAGE = /^(Error|Warning) in \w+: /u;

const printError = console.error.bind(console);
console.error = (...parts) => {
  if (parts.length === 1 && typeof parts[0] === 'string' && LEPTONICA_MESSAGE.test(parts[0])) return;
  printError(...parts);
};

// Set before the core loads: it binds console.error as its printErr when it starts.
require(join(dirname(require.resolve('tesseract.js')), 'worker-script', 'node', 'index.js'));
