import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { COLLECT_BEFORE_PIXELS, photoGarbage, type PhotoGarbage } from '../../src/cli/photoGarbage.ts';

// V8's own collector, as `node --expose-gc` gives it (bin/allocator.js), for this test's process.
setFlagsFromString('--expose-gc');
const v8Collect = runInNewContext('gc') as NodeJS.GCFunction;

/** V8's collector, counting its calls. */
function countingCollector() {
  const calls: unknown[] = [];
  const collect = ((options?: NodeJS.GCOptions) => {
    calls.push(options);
    return v8Collect(options as NodeJS.GCOptions & { execution: 'async' });
  }) as NodeJS.GCFunction;
  return { collect, calls };
}

const TWELVE_MP = 4000 * 3000;

/** A 12 MP photo's pixels, checked and dropped: only a weak reference to them is kept. */
function checkedAndDropped(garbage: PhotoGarbage): WeakRef<Uint8Array> {
  const pixels = new Uint8Array(TWELVE_MP * 4);
  garbage.checked();
  return new WeakRef(pixels);
}

describe('photoGarbage', () => {
  it('frees the last photo’s pixels before a big photo is handed on, collecting once for what was left', async () => {
    const { collect, calls } = countingCollector();
    const garbage = photoGarbage(collect);
    const dropped = checkedAndDropped(garbage);
    const next = { analysis: null };

    expect(await garbage.collectWhile(Promise.resolve(next), TWELVE_MP)).toBe(next);
    // Not toBeUndefined: its failure would print 48 MB.
    expect(dropped.deref() === undefined).toBe(true);
    expect(await garbage.collectWhile(Promise.resolve(next), TWELVE_MP)).toBe(next);
    expect(calls).toStrictEqual([{ type: 'major', execution: 'async' }]);
  });

  it('collects before a photo whose size its header does not say, as before a big one', async () => {
    const { collect, calls } = countingCollector();
    const garbage = photoGarbage(collect);
    garbage.checked();
    await garbage.collectWhile(Promise.resolve(1), undefined);
    expect(calls).toHaveLength(1);
  });

  it('does not collect before the first photo, before one under COLLECT_BEFORE_PIXELS, nor where no collector is exposed', async () => {
    const { collect, calls } = countingCollector();
    const garbage = photoGarbage(collect);
    await garbage.collectWhile(Promise.resolve(1), TWELVE_MP);
    garbage.checked();
    await garbage.collectWhile(Promise.resolve(2), COLLECT_BEFORE_PIXELS - 1);
    expect(calls).toStrictEqual([]);

    const unexposed = photoGarbage(undefined);
    unexposed.checked();
    expect(await unexposed.collectWhile(Promise.resolve(3), TWELVE_MP)).toBe(3);
  });

  it('passes on a decode’s failure', async () => {
    const garbage = photoGarbage(countingCollector().collect);
    garbage.checked();
    await expect(garbage.collectWhile(Promise.reject(new Error('not a photo')), TWELVE_MP)).rejects.toThrow(
      'not a photo',
    );
  });
});
