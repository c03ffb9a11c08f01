/** The person's photo with the document's outline drawn on it and each missing corner marked. */
import { useEffect, useRef, type CSSProperties } from 'react';
import type { CheckReport } from '../../pipeline/types.ts';
import { frameOverlay, type OverlayFrame } from '../flow/overlayFrame.ts';
import { MissingCornerMarks, svgPoints, type MissingCornerMark } from './OverlayMarks.tsx';

/** The tallest the photo is drawn, in percent of the screen's height. */
const MAX_HEIGHT_VH = 70;

interface Props {
  readonly report: CheckReport;
  readonly preview: ImageBitmap;
}

export function PhotoOverlay({ report, preview }: Props) {
  const { imageWidth, imageHeight } = report.measures;
  const { view, photo, missing, unit } = frameOverlay(
    imageWidth,
    imageHeight,
    report.outline,
    report.missingCorners,
  );
  const description = describeOverlay(report.outline !== null, missing);

  return (
    <figure
      className="app-photo"
      data-missing-corners={report.missingCorners.join(' ')}
      data-image-size={`${imageWidth}x${imageHeight}`}
    >
      <div
        className="app-photo__frame"
        // Its own shape at any size: as wide as the column, but never taller than 70% of the screen
        // (a height cap alone would stretch the photo, and the outline would no longer sit on it).
        style={{
          aspectRatio: `${view.width} / ${view.height}`,
          maxWidth: `calc(${MAX_HEIGHT_VH}vh * ${view.width / view.height})`,
        }}
      >
        <PreviewCanvas preview={preview} style={placePhoto({ view, photo })} />
        <svg
          className="app-photo__overlay"
          viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
          role="img"
          aria-label={`Your photo. ${description}`}
        >
          {report.outline && (
            <polygon className="app-photo__outline" points={svgPoints(report.outline)} strokeWidth={unit} />
          )}
          <MissingCornerMarks missing={missing} unit={unit} />
        </svg>
      </div>
      <figcaption className="nhsuk-body-s">
        {description}
        {missing.length > 0 && ' Missing corners are marked with a crossed circle.'}
      </figcaption>
    </figure>
  );
}

/** The preview's pixels, drawn once per preview; hidden from assistive technology (the SVG describes it). */
function PreviewCanvas({ preview, style }: { readonly preview: ImageBitmap; readonly style: CSSProperties }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    context?.drawImage(preview, 0, 0);
  }, [preview]);
  return (
    <canvas
      ref={canvas}
      className="app-photo__image"
      width={preview.width}
      height={preview.height}
      style={style}
      aria-hidden="true"
    />
  );
}

/** Where the photo sits in the frame, in percent: the frame grows past it when a corner lies outside. */
function placePhoto({ view, photo }: Pick<OverlayFrame, 'view' | 'photo'>): CSSProperties {
  const percent = (part: number, whole: number) => `${(100 * part) / whole}%`;
  return {
    left: percent(photo.x - view.x, view.width),
    top: percent(photo.y - view.y, view.height),
    width: percent(photo.width, view.width),
    height: percent(photo.height, view.height),
  };
}

/** What the overlay shows, in words: the SVG's label and the figure's caption. */
function describeOverlay(outlineFound: boolean, missing: readonly MissingCornerMark[]): string {
  return [
    outlineFound
      ? 'The edge of the document we found is drawn in yellow.'
      : 'We could not find the document’s edges.',
    missing.length > 0 ? `Missing: ${missing.map((m) => `${m.corner} corner`).join(', ')}.` : '',
  ].join(' ');
}
