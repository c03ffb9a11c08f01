/// <reference types="vite/client" />

/** The file behind the package's main entry (see src/engines/opencvEsm.ts), with the same types. */
declare module '@techstark/opencv-js/dist/opencv.js' {
  import cv from '@techstark/opencv-js';
  export default cv;
}
