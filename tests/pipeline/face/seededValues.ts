/** Floats in -1..1 from a linear congruential generator: the same for the same seed, run to run. */
export function seededValues(length: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 30 - 1;
  });
}
