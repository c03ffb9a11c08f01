import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { COLLECT_AFTER_PIXELS, photoGarbage } from '../../src/cli/photoGarbage.ts';

// V8's own collector, as `node --expose-gc` gives it (bin/allocator.js), for this test's process.
setFlagsFromString('--expose-gc');
const v8Collect = runInNewContext('gc') as NodeJS.GCFunction;

/** The collector, counting its calls. */
function countingCollector() {
  const calls: unknown[] = [];
  const collect = ((options?: NodeJS.GCOptions) => {
    calls.push(options);
    return v8Collect(options as NodeJS.GCOptions & { execution: 'async' });
  }) as NodeJS.GCFunction;
  return { collect, calls };
}

/** A 12 MP photo's pixels, checked and dropped: only a weak reference to them is kept. */
function checkedAndDropped(garbage: ReturnType<typeof photoGarbage>): WeakRef<Uint8Array> {
  const pixels = new Uint8Array(4000 * 3000 * 4);
  garbage.checked(4000 * 3000);
  return new WeakRef(pixels);
}

describe('photoGarbage', () => {
  it('frees a big photo’s pixels before the next photo is handed on, collecting once', async () => {
    const { collect, calls } = countingCollector();
    const garbage = photoGarbage(collect);
    const dropped = checkedAndDropped(garbage);
    const next = { analysis: null };

    expect(await garbage.collectWhile(Promise.resolve(next))).toBe(next);
    expect(dropped.deref() === undefined).toBe(true); // not toBeUndefined: its failure would print 48 MB
    expect(await garbage.collectWhile(Promise.resolve(next))).toBe(next);
    expect(calls).toStrictEqual([{ type: 'major', execution: 'async' }]);
  });

  it('does not collect after photos under COLLECT_AFTER_PIXELS, nor where no collector is exposed', async () => {
    const { collect, calls } = countingCollector();
    const garbage = photoGarbage(collect);
    garbage.checked(COLLECT_AFTER_PIXELS - 1);
    await garbage.collectWhile(Promise.resolve(1));
    expect(calls).toStrictEqual([]);

    const unexposed = photoGarbage(undefined);
    unexposed.checked(4000 * 3000);
    expect(await unexposed.collectWhile(Promise.resolve(2))).toBe(2);
  });

  it('passes on a decode’s failure', async () => {
    const garbage = photoGarbage(countingCollector().collect);
    garbage.checked(4000 * 3000);
    await expect(garbage.collectWhile(Promise.reject(new Error('not a photo')))).rejects.toThrow(
      'not a photo',
    );
  });
});
