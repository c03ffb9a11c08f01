/**
 * Photos as phones save them: the camera's pixels as the sensor had them, and an EXIF orientation
 * saying how to turn them for display (EXIF 2.32 §4.6.4 tag 274: 3 = turn 180°, 6 = turn 90°
 * clockwise, 8 = turn 90° anticlockwise).
 */
import sharp from 'sharp';

export type ExifOrientation = 3 | 6 | 8;

/** How far clockwise the stored pixels are turned from the upright photo, so the tag turns them back. */
const STORED_TURN: Record<ExifOrientation, number> = { 3: 180, 6: 270, 8: 90 };

/** The upright photo at `path`, stored turned and tagged with `orientation`, as a JPEG. */
export async function exifTurnedJpeg(path: string, orientation: ExifOrientation): Promise<Buffer> {
  const turned = await sharp(path).rotate(STORED_TURN[orientation]).toBuffer();
  return sharp(turned).withMetadata({ orientation }).jpeg({ quality: 92 }).toBuffer();
}
