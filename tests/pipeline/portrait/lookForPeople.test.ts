import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { halveByArea } from '../../../scripts/photoTransforms.ts';
import { FACE_SCENES, renderFaceScene } from '../../../scripts/rehearsal/faceScenes.ts';
import { decodePhoto } from '../../../src/decode/node.ts';
import { loadNodeEngines } from '../../../src/engines/node.ts';
import type { Engines } from '../../../src/engines/types.ts';
import { turnQuarters } from '../../../src/pipeline/cv.ts';
import {
  lookForPeople,
  MAX_GLYPHS_OF_PEOPLE,
  unturnShares,
} from '../../../src/pipeline/portrait/lookForPeople.ts';
import { PORTRAIT_THRESHOLDS } from '../../../src/pipeline/portrait/findPortrait.ts';
import { pointIn, type ImagePoint, type Quad, type RgbaImage } from '../../../src/pipeline/types.ts';
import { PROJECT_ROOT } from '../../support/fixtures.ts';

const REAL_PHOTOS = resolve(PROJECT_ROOT, '..', 'shared', 'real-photos');

/** A photo in ../shared/real-photos, halved as `npm run eval -- --transform half` halves it. */
async function halvedRealPhoto(file: string): Promise<RgbaImage> {
  const photo = await decodePhoto(await readFile(join(REAL_PHOTOS, file)));
  const bytes = new Uint8Array(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength);
  return halveByArea(bytes, photo.width, photo.height);
}

let engines: Engines & { faces: NonNullable<Engines['faces']> };
beforeAll(async () => {
  const loaded = await loadNodeEngines();
  if (!loaded.faces) throw new Error('the face detector did not load');
  engines = { ...loaded, faces: loaded.faces };
});

/**
 * A drawn person with a document's worth of print beside them: seven lines of name, dates and number,
 * as a card front sets them beside its portrait.
 */
async function personBesidePrint(): Promise<RgbaImage> {
  const person = await renderFaceScene(FACE_SCENES['one-framed-face']);
  const lines = [
    'SURNAME / NOM',
    'MARTIN',
    'GIVEN NAMES',
    'CLAIRE ANNE',
    'DATE OF BIRTH 14.03.1988',
    'EXPIRY 02.11.2031',
    'NO. X4RTBPFW4',
  ]
    .map(
      (line, i) =>
        `<text x="8" y="${30 + i * 26}" font-family="DejaVu Sans" font-size="15" fill="#1a1a1a">${line}</text>`,
    )
    .join('');
  const print = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="220" height="210"><rect width="220" height="210" fill="#f3f1ea"/>${lines}</svg>`,
  );
  const { data, info } = await sharp(Buffer.from(person.data), {
    raw: { width: person.width, height: person.height, channels: 4 },
  })
    .composite([{ input: print, left: 410, top: 250 }])
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

describe('lookForPeople', () => {
  it('takes a drawn person, and two, before a plain wall for a photo of people: sure faces, no print', async () => {
    const measured = [];
    for (const scene of [FACE_SCENES['one-framed-face'], FACE_SCENES['two-faces']]) {
      const { sureFaces, photoGlyphs, photoOfPeople } = lookForPeople(
        engines.cv,
        engines.faces,
        await renderFaceScene(scene),
        null,
      );
      measured.push({ sureFaces, noPrint: photoGlyphs < MAX_GLYPHS_OF_PEOPLE, photoOfPeople });
    }
    expect(measured).toStrictEqual([
      { sureFaces: 1, noPrint: true, photoOfPeople: true },
      { sureFaces: 2, noPrint: true, photoOfPeople: true },
    ]);
  });

  it('does not take a face beside a document’s lines of print for one: the print settles it, faces unlooked for', async () => {
    const scene = await personBesidePrint();
    const measured = lookForPeople(engines.cv, engines.faces, scene, null);
    expect([
      measured.sureFaces,
      measured.photoGlyphs >= MAX_GLYPHS_OF_PEOPLE,
      measured.photoOfPeople,
    ]).toStrictEqual([null, true, false]);
    // The face beside the print is one the detector is sure of: only the print kept it from counting.
    const faces = engines.faces
      .detectFaces(scene)
      .filter((face) => face.score >= PORTRAIT_THRESHOLDS.minSureFaceScore);
    expect(faces.length).toBeGreaterThanOrEqual(1);
  });

  it('takes a face inside the document’s outline, no bigger than its portrait, for the document’s own', async () => {
    const person = await renderFaceScene(FACE_SCENES['one-framed-face']);
    const around: Quad<ImagePoint> = [
      pointIn('image', 0, 0),
      pointIn('image', person.width, 0),
      pointIn('image', person.width, person.height),
      pointIn('image', 0, person.height),
    ];
    const aside: Quad<ImagePoint> = [
      pointIn('image', 500, 380),
      pointIn('image', 630, 380),
      pointIn('image', 630, 470),
      pointIn('image', 500, 470),
    ];
    const smallAround: Quad<ImagePoint> = [
      pointIn('image', 180, 60),
      pointIn('image', 460, 60),
      pointIn('image', 460, 420),
      pointIn('image', 180, 420),
    ];
    expect(
      [around, aside, smallAround].map(
        (outline) => lookForPeople(engines.cv, engines.faces, person, outline).photoOfPeople,
      ),
    ).toStrictEqual([false, true, true]);
  });

  it('takes no photo for people where no face is sure: a wall with a picture frame, next to no print, is not people', async () => {
    const measured = lookForPeople(
      engines.cv,
      engines.faces,
      await renderFaceScene(FACE_SCENES['no-face']),
      null,
    );
    expect([
      measured.sureFaces,
      measured.photoGlyphs < MAX_GLYPHS_OF_PEOPLE,
      measured.photoOfPeople,
    ]).toStrictEqual([0, true, false]);
  });

  it('takes a photo of people turned a quarter, a half or three quarters for one, as upright', async () => {
    const measured = [];
    for (const scene of [FACE_SCENES['one-framed-face'], FACE_SCENES['two-faces']]) {
      const upright = await renderFaceScene(scene);
      for (const turns of [1, 2, 3]) {
        const { sureFaces, photoOfPeople } = lookForPeople(
          engines.cv,
          engines.faces,
          turnQuarters(engines.cv, upright, turns),
          null,
        );
        measured.push({ sureFaces, photoOfPeople });
      }
    }
    expect(measured).toStrictEqual([
      ...Array.from({ length: 3 }, () => ({ sureFaces: 1, photoOfPeople: true })),
      ...Array.from({ length: 3 }, () => ({ sureFaces: 2, photoOfPeople: true })),
    ]);
  });

  it.skipIf(!existsSync(REAL_PHOTOS))(
    'counts a small photo’s print as at 800 px: a passport filling a halved 256-px photo is not people',
    async () => {
      // Its portrait is taken for a sure face upside down, and no outline is found to hold it; at its
      // own 256 px its print (about 4 px high) showed 14 glyphs in lines, at 800 px a document's count.
      const passport = lookForPeople(
        engines.cv,
        engines.faces,
        await halvedRealPhoto('docsaid-mrz/finetune_mrz_img.jpg'),
        null,
      );
      expect([passport.photoGlyphs >= MAX_GLYPHS_OF_PEOPLE, passport.photoOfPeople]).toStrictEqual([
        true,
        false,
      ]);
      const people = [];
      for (const file of [
        'onfido-sdk-ui/two_faces.jpg',
        'onfido-python/sample_photo.png',
        'regula-perf/faceapi-1.jpg',
      ]) {
        const measured = lookForPeople(engines.cv, engines.faces, await halvedRealPhoto(file), null);
        people.push([file, measured.photoOfPeople]);
      }
      expect(people).toStrictEqual([
        ['onfido-sdk-ui/two_faces.jpg', true],
        ['onfido-python/sample_photo.png', true],
        ['regula-perf/faceapi-1.jpg', true],
      ]);
    },
  );
});

describe('unturnShares', () => {
  it('takes a box in a turned image back to the upright one, each way round', () => {
    // Eighths, exact in binary: the corners land exactly.
    const box = { x: 0.125, y: 0.25, width: 0.375, height: 0.5 };
    expect([0, 1, 2, 3, -1].map((turns) => unturnShares(box, turns))).toStrictEqual([
      box,
      { x: 0.25, y: 0.5, width: 0.5, height: 0.375 },
      { x: 0.5, y: 0.25, width: 0.375, height: 0.5 },
      { x: 0.25, y: 0.125, width: 0.5, height: 0.375 },
      { x: 0.25, y: 0.125, width: 0.5, height: 0.375 },
    ]);
  });
});
