/**
 * The sizes photos and camera frames are worked at: facts shared by the decoders, which make images
 * this size as they decode, and by the stages, which take them.
 */

/** The outline is found on a copy this size: edges of a card survive, print and texture mostly do not. */
export const ANALYSIS_SIDE_PX = 900;

/**
 * The frame is judged at most this size a side (a bigger one is area-averaged down first, as the check
 * shrinks its analysis copy). Camera frames are read at this size (decode/cameraFrame.ts), so they are
 * judged as they came, and clarity is measured on the document as the frame has it, as the check
 * measures it on the photo. Over the fixtures' 81 clean, blurred, glare, dark, small, cut and covered
 * photos as 1280-px frames, blurred ones measure at most 105 against clarity's threshold of 200 and
 * passing ones at least 698, and every clear-photo verdict is as it was when frames were judged shrunk
 * to 960 (there at most 129 and at least 466; at 800 two blurred photos would pass). The 960-px copy
 * took 17 ms of a frame's 72 in Chromium (bench:web, 2026-11-24).
 */
export const FRAMING_SIDE_PX = 1280;
