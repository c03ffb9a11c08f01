/**
 * OpenCV.js as an ES module, for the web build only (vite.config.ts aliases `@techstark/opencv-js` to
 * this file). The bundler's CommonJS interop turns `import('@techstark/opencv-js')` into a namespace
 * that copies every property of the Emscripten module, `then` included: awaiting that namespace calls
 * the module's own `then`, which resolves with the module, which is thenable again, forever (the
 * worker hangs at 100% CPU). A default import of the file does no such copy, and the namespace of this
 * ES module has `default` only.
 */
import cv from '@techstark/opencv-js/dist/opencv.js';

export default cv;
