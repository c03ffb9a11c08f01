/**
 * The @techstark/opencv-js package (4.12.0), the pipeline's OpenCV until issue 13 replaced it with our
 * own build (vendor/opencv). Kept as a devDependency so that tests can hold our build to what the
 * package computed, through Node's own `require`, which no bundler interop touches.
 */
import { createRequire } from 'node:module';
import { openCvLoader } from '../../src/engines/opencv.ts';
import type { OpenCv } from '../../src/engines/types.ts';

export const loadPackagedOpenCv: () => Promise<OpenCv> = openCvLoader(async () => ({
  default: createRequire(import.meta.url)('@techstark/opencv-js') as unknown,
}));
