/**
 * A document with no MRZ on the side photographed: a driving licence's front, or the front of a card
 * whose MRZ is on the back. The printed text is read once each way up; the first reading that names a
 * licence or a card wins.
 */
import type { Engines, OcrLine } from '../../engines/types.ts';
import { toGreyscale } from '../image.ts';
import type { FrontReading, RgbaImage } from '../types.ts';
import { isDriverNumberReadSurely } from './confirmDriverNumber.ts';
import { parseCardFrontText } from './readCardFront.ts';
import { readDistinguishingSign } from './readDistinguishingSign.ts';
import { hasLicenceTitle, parseLicenceText } from './readLicence.ts';
import { parseNotAnIdText } from './readNotAnId.ts';

/** Reads the printed text of a rectified document, upright and then upside down. */
export async function readDocumentFront(engines: Engines, document: RgbaImage): Promise<FrontReading | null> {
  const read: (readonly OcrLine[])[] = [];
  for (const image of [document, turnHalf(document)]) {
    const grey = toGreyscale(image);
    const ocrLines = await engines.ocr.readPrintedText(grey);
    const lines = ocrLines.map((line) => line.text);
    read.push(ocrLines);
    if (hasLicenceTitle(lines)) {
      // A licence, and this way up: its flag is top left, so its sign can now be read.
      const sign = await readDistinguishingSign(engines, image);
      const licence = parseLicenceText(ocrLines, sign);
      if (licence?.driverNumberConsistent === false && licence.driverNumber) {
        // A disagreeing number is evidence only if it was read for certain (confirmDriverNumber.ts).
        const surely = await isDriverNumberReadSurely(engines, grey, ocrLines, licence.driverNumber);
        return { kind: 'licence', licence: { ...licence, driverNumberReadSurely: surely } };
      }
      if (licence) return { kind: 'licence', licence };
    }
    const card = parseCardFrontText(ocrLines);
    if (card) return { kind: 'card-front', card };
  }
  // Neither way up named a document we read: what the text says it is, if it is not an ID at all.
  const notAnId = parseNotAnIdText(read);
  return notAnId && { kind: 'not-an-id', notAnId };
}

/** Pure: the image turned half a turn (a rectified card comes out either way up). */
export function turnHalf(image: RgbaImage): RgbaImage {
  // Reversing the order of whole 4-byte pixels is the half turn.
  const data = Uint8Array.from(image.data);
  new Uint32Array(data.buffer).reverse();
  return { width: image.width, height: image.height, data };
}
