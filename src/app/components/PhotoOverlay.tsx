/** The person's photo with the document's outline drawn on it and each missing corner marked. */
import { useEffect, useRef } from 'react';
import type { CheckReport } from '../../pipeline/types.ts';
import { frameOverlay } from '../flow/overlayFrame.ts';

/** The tallest the photo is drawn, in percent of the screen's height. */
const MAX_HEIGHT_VH = 70;

interface Props {
  readonly report: CheckReport;
  readonly preview: ImageBitmap;
}

export function PhotoOverlay({ report, preview }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    context?.drawImage(preview, 0, 0);
  }, [preview]);

  const { imageWidth, imageHeight } = report.measures;
  const { view, photo, missing, unit } = frameOverlay(
    imageWidth,
    imageHeight,
    report.outline,
    report.missingCorners,
  );
  const percent = (part: number, whole: number) => `${(100 * part) / whole}%`;
  const description = [
    report.outline
      ? 'The edge of the document we found is drawn in yellow.'
      : 'We could not find the document’s edges.',
    missing.length > 0 ? `Missing: ${missing.map((m) => `${m.corner} corner`).join(', ')}.` : '',
  ].join(' ');

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
        <canvas
          ref={canvas}
          className="app-photo__image"
          width={preview.width}
          height={preview.height}
          style={{
            left: percent(photo.x - view.x, view.width),
            top: percent(photo.y - view.y, view.height),
            width: percent(photo.width, view.width),
            height: percent(photo.height, view.height),
          }}
          aria-hidden="true"
        />
        <svg
          className="app-photo__overlay"
          viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
          role="img"
          aria-label={`Your photo. ${description}`}
        >
          {report.outline && (
            <polygon
              className="app-photo__outline"
              points={report.outline.map((p) => p.join(',')).join(' ')}
              strokeWidth={unit}
            />
          )}
          {missing.map(({ corner, at }) => (
            <g key={corner} className="app-photo__missing" data-corner={corner}>
              <circle cx={at[0]} cy={at[1]} r={unit * 6} strokeWidth={unit} />
              <path
                d={`M${at[0] - unit * 3},${at[1] - unit * 3}l${unit * 6},${unit * 6}m0,${-unit * 6}l${-unit * 6},${unit * 6}`}
                strokeWidth={unit * 1.5}
              />
            </g>
          ))}
        </svg>
      </div>
      <figcaption className="nhsuk-body-s">
        {description}
        {missing.length > 0 && ' Missing corners are marked with a crossed circle.'}
      </figcaption>
    </figure>
  );
}
