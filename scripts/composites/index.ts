/**
 * Every composite generator the eval and the tests run. A generator appends itself here.
 */
import { sceneComposites } from './scenes.ts';
import type { CompositeGenerator } from './types.ts';

export const COMPOSITE_GENERATORS: readonly CompositeGenerator[] = [sceneComposites];
