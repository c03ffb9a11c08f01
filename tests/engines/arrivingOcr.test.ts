/**
 * The OCR engine that may still be arriving (src/engines/arrivingOcr.ts), over the real tesseract
 * engine and the fixtures' passport: a read made before the engine is in waits for it and reads what
 * the engine reads; a failed load is not kept; a check hears when it waits, and stops waiting when it
 * is cancelled.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/decode/node.ts';
import {
  arrivingOcrEngine,
  OcrEngineUnavailable,
  reportingReaderWait,
} from '../../src/engines/arrivingOcr.ts';
import { nodeTesseractLocations } from '../../src/engines/node.ts';
import { createTesseractEngine } from '../../src/engines/tesseract.ts';
import type { OcrEngine, OcrLine } from '../../src/engines/types.ts';
import { toGreyscale, type GreyImage } from '../../src/pipeline/image.ts';
import { fixture } from '../support/fixtures.ts';

let engine: OcrEngine;
let passport: GreyImage;
let read: readonly OcrLine[];
beforeAll(async () => {
  engine = await createTesseractEngine(nodeTesseractLocations());
  passport = toGreyscale(await decodePhoto(await readFile(fixture('clean').path)));
  read = await engine.readMrz(passport);
});
afterAll(async () => {
  await engine.terminate();
});

/** A load held until `arrive` is called, as a slow download holds it; it does not end the engine. */
function heldLoad() {
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  let loads = 0;
  const load = async () => {
    loads += 1;
    await arrived;
    return { ...engine, terminate: async () => {} };
  };
  return { load, arrive, loads: () => loads };
}

describe('arrivingOcrEngine', () => {
  it('reads, once the engine is in, what the engine reads; it loads once', async () => {
    const held = heldLoad();
    const ocr = arrivingOcrEngine(held.load);
    expect(ocr.arrived('mrz')).toBe(false);
    const reading = ocr.readMrz(passport);
    const loading = ocr.loaded('mrz');
    held.arrive();
    expect(await reading).toStrictEqual(read);
    await loading;
    expect(ocr.arrived('mrz')).toBe(true);
    expect(held.loads()).toBe(1);
  });

  it('does not keep a failed load (the read says why): the next read loads again', async () => {
    let loads = 0;
    const ocr = arrivingOcrEngine(async () => {
      loads += 1;
      if (loads === 1) throw new Error('offline');
      return engine;
    });
    const failed = ocr.readMrz(passport);
    await expect(failed).rejects.toBeInstanceOf(OcrEngineUnavailable);
    await expect(failed).rejects.toHaveProperty('cause', new Error('offline'));
    expect(ocr.arrived('mrz')).toBe(false);
    expect(await ocr.readMrz(passport)).toStrictEqual(read);
    expect(loads).toBe(2);
  });

  it('stops waiting for the engine when the read is cancelled, while the engine still loads', async () => {
    const held = heldLoad();
    const ocr = arrivingOcrEngine(held.load);
    const reason = new Error('a new photo');
    const stopper = new AbortController();
    const reading = ocr.readMrz(passport, stopper.signal);
    stopper.abort(reason);
    await expect(reading).rejects.toBe(reason);
    held.arrive();
    expect(await ocr.readMrz(passport)).toStrictEqual(read);
    expect(held.loads()).toBe(1);
  });
});

describe('the printed-text model', () => {
  it('is brought after the engine, once, and a read of printed text waits for it; one of the code does not', async () => {
    const held = heldLoad();
    const order: string[] = [];
    let bring: () => void = () => {};
    const brought = new Promise<void>((resolve) => (bring = resolve));
    const ocr = arrivingOcrEngine(
      async () => {
        const engine = await held.load();
        order.push('engine');
        return engine;
      },
      async () => {
        order.push('text model');
        await brought;
      },
    );
    const text = ocr.loaded('printed-text');
    held.arrive();
    expect(await ocr.readMrz(passport)).toStrictEqual(read);
    expect(ocr.arrived('mrz')).toBe(true);
    expect(ocr.arrived('printed-text')).toBe(false);
    bring();
    await text;
    await ocr.fetch('printed-text');
    expect(ocr.arrived('printed-text')).toBe(true);
    expect(order).toStrictEqual(['engine', 'text model']);
  });
});

describe('reportingReaderWait', () => {
  it('says a check waits, then that the engine is in, and only while it is not', async () => {
    const held = heldLoad();
    const ocr = arrivingOcrEngine(held.load);
    const heard: string[] = [];
    const wait = {
      signal: new AbortController().signal,
      waiting: () => heard.push('waiting'),
      arrived: () => heard.push('arrived'),
    };
    const forCheck = reportingReaderWait(ocr, wait);
    const loading = forCheck.loaded('mrz');
    expect(heard).toStrictEqual(['waiting']);
    held.arrive();
    await loading;
    expect(await forCheck.readMrz(passport)).toStrictEqual(read);
    expect(heard).toStrictEqual(['waiting', 'arrived']);
  });

  it("ends a cancelled check's wait at once, with the check's reason", async () => {
    const held = heldLoad();
    const ocr = arrivingOcrEngine(held.load);
    const cancelled = new AbortController();
    const heard: string[] = [];
    const forCheck = reportingReaderWait(ocr, {
      signal: cancelled.signal,
      waiting: () => heard.push('waiting'),
      arrived: () => heard.push('arrived'),
    });
    const reason = new Error('check another photo');
    const loading = forCheck.loaded('mrz');
    cancelled.abort(reason);
    await expect(loading).rejects.toBe(reason);
    expect(heard).toStrictEqual(['waiting']);
    held.arrive();
  });
});
