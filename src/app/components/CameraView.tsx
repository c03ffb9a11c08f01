/**
 * The live camera: the video with the document's outline over it, one instruction at a time, the
 * shutter, and a way out. The session itself (frames, worker, tracks) is useCameraSession's.
 */
import { useEffect, useRef } from 'react';
import { useCameraSession } from '../camera/useCameraSession.ts';
import { liveOverlay } from '../camera/liveOverlay.ts';
import type { CameraProblemCode } from '../camera/openCamera.ts';
import { useSettledText } from '../camera/useSettledText.ts';
import type { CheckClient } from '../checkClient.ts';
import { CAMERA_GUIDANCE, PAGE_TITLES } from '../content/text.ts';

interface Props {
  readonly client: CheckClient;
  readonly onPhoto: (photo: File) => void;
  readonly onProblem: (code: CameraProblemCode) => void;
  readonly onClose: () => void;
}

/** An instruction is announced once it has lasted this long: a screen reader is not flooded. */
const ANNOUNCE_AFTER_MS = 1200;

export function CameraView({ client, onPhoto, onProblem, onClose }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const camera = useCameraSession(client, video, { onPhoto, onProblem });
  const instruction = CAMERA_GUIDANCE[camera.guidance];
  const announced = useSettledText(camera.status === 'paused' ? '' : instruction, ANNOUNCE_AFTER_MS);
  useEffect(() => heading.current?.focus(), []);

  const overlay = camera.judgement && camera.status !== 'paused' ? liveOverlay(camera.judgement) : null;
  const ready = camera.guidance === 'hold-still' || camera.guidance === 'capturing';

  return (
    <section
      className="app-camera"
      aria-labelledby="camera-heading"
      data-camera={camera.status}
      data-guidance={camera.guidance}
    >
      <h1 id="camera-heading" ref={heading} tabIndex={-1}>
        {PAGE_TITLES.camera}
      </h1>
      <p>
        Put your ID on a plain, darker surface and hold your phone straight above it. We take the photo for
        you when it would pass, or you can take it yourself.
      </p>
      <div
        className="app-camera__frame"
        style={overlay ? { aspectRatio: `${overlay.width} / ${overlay.height}` } : undefined}
        hidden={camera.status === 'paused'}
      >
        <video ref={video} className="app-camera__video" autoPlay muted playsInline aria-hidden="true" />
        {overlay && (
          <svg
            className="app-camera__overlay"
            viewBox={`0 0 ${overlay.width} ${overlay.height}`}
            preserveAspectRatio="none"
            aria-hidden="true"
          >
            {overlay.outline && (
              <polygon
                className={`app-camera__outline${ready ? ' app-camera__outline--ready' : ''}`}
                points={overlay.outline.map((p) => p.join(',')).join(' ')}
                strokeWidth={overlay.unit}
              />
            )}
            {overlay.missing.map(({ corner, at }) => (
              <g key={corner} className="app-photo__missing" data-corner={corner}>
                <circle cx={at[0]} cy={at[1]} r={overlay.unit * 6} strokeWidth={overlay.unit} />
                <path
                  d={`M${at[0] - overlay.unit * 3},${at[1] - overlay.unit * 3}l${overlay.unit * 6},${overlay.unit * 6}m0,${-overlay.unit * 6}l${-overlay.unit * 6},${overlay.unit * 6}`}
                  strokeWidth={overlay.unit * 1.5}
                />
              </g>
            ))}
          </svg>
        )}
      </div>
      {camera.status === 'paused' ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>The camera was turned off while you were away from this page.</p>
        </div>
      ) : (
        <p className={`app-camera__instruction${ready ? ' app-camera__instruction--ready' : ''}`}>
          {camera.status === 'starting' ? 'Starting your camera' : instruction}
        </p>
      )}
      <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
        {announced}
      </div>
      <div className="nhsuk-button-group">
        {camera.status === 'paused' ? (
          <button className="nhsuk-button" type="button" onClick={camera.resume}>
            Turn the camera on again
          </button>
        ) : (
          <button
            className="nhsuk-button"
            type="button"
            onClick={camera.shutter}
            disabled={camera.status !== 'live'}
          >
            Take the photo now
          </button>
        )}
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onClose}>
          {camera.status === 'paused' ? 'Choose a photo instead' : 'Stop the camera'}
        </button>
      </div>
    </section>
  );
}
