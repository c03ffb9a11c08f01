/**
 * Every composite generator the eval and the tests run. A generator appends itself here.
 */
import { photometricComposites } from './photometric.ts';
import { sceneComposites } from './scenes.ts';
import type { CompositeGenerator } from './types.ts';

/**
 * The photometric spoilings (photometric.ts) in the eval's shape: their truth is clear-photo's alone,
 * from the construction. They find ../shared themselves, and the drawn card needs nothing from it.
 */
const photometricGenerator: CompositeGenerator = async () =>
  Promise.all(
    photometricComposites().map(async (composite) => {
      const { image, truth } = await composite.make();
      return {
        file: `photometric/${composite.name}`,
        bytes: image,
        today: '2026-12-01',
        expected: { 'clear-photo': [truth.clearPhoto] },
        mrz: null,
        outline: null,
      };
    }),
  );

export const COMPOSITE_GENERATORS: readonly CompositeGenerator[] = [sceneComposites, photometricGenerator];
