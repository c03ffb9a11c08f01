/**
 * Composites: real specimens from ../shared put into scenes at eval and test time (never committed).
 * Each generator makes its images from the specimens and a seed, with the truth its construction gives.
 */
import type { RuleId, Status } from '../../src/pipeline/types.ts';

export interface Composite {
  /** A name for reports: the scene and the specimen it was made from. */
  readonly file: string;
  /** The image, encoded (JPEG). */
  readonly bytes: Buffer;
  readonly today: string;
  /** Acceptable statuses per rule; a rule absent is not scored. */
  readonly expected: Partial<Record<RuleId, readonly Status[]>>;
  readonly mrz: readonly string[] | null;
  /** Where the document's corners went (its data page, for a passport), in the image's pixels. */
  readonly outline: readonly (readonly [number, number])[] | null;
}

/** `shared` is the ../shared folder; `seed` fixes every random choice. */
export type CompositeGenerator = (shared: string, seed: string) => Promise<Composite[]>;
