/**
 * The live camera: the video with the document's outline over it, one instruction at a time, the
 * shutter, and a way out. The session itself (frames, worker, tracks) is useCameraSession's.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useCameraSession, type LiveCamera } from '../camera/useCameraSession.ts';
import { liveOverlay, type LiveOverlay } from '../camera/liveOverlay.ts';
import type { CameraProblemCode } from '../camera/openCamera.ts';
import { useSettledText } from '../camera/useSettledText.ts';
import type { CheckClient } from '../checkClient.ts';
import { CAMERA_GUIDANCE, PAGE_TITLES, type CameraGuidance } from '../content/text.ts';
import { MissingCornerMarks, svgPoints } from './OverlayMarks.tsx';

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
  const paused = camera.status === 'paused';
  const instruction = CAMERA_GUIDANCE[camera.guidance];
  const announced = useSettledText(paused ? '' : instruction, ANNOUNCE_AFTER_MS);
  useEffect(() => heading.current?.focus(), []);

  const overlay = camera.judgement && !paused ? liveOverlay(camera.judgement) : null;
  const ready = isReady(camera.guidance);

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
      <LiveFrame video={video} overlay={overlay} ready={ready} hidden={paused} />
      {paused ? (
        <PausedNotice />
      ) : (
        <p className={`app-camera__instruction${ready ? ' app-camera__instruction--ready' : ''}`}>
          {camera.status === 'starting' ? 'Starting your camera' : instruction}
        </p>
      )}
      <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
        {announced}
      </div>
      <CameraButtons camera={camera} onClose={onClose} />
    </section>
  );
}

/** The photo would pass (held still, or being taken): the outline and the instruction show it. */
function isReady(guidance: CameraGuidance): boolean {
  return guidance === 'hold-still' || guidance === 'capturing';
}

interface LiveFrameProps {
  readonly video: RefObject<HTMLVideoElement | null>;
  readonly overlay: LiveOverlay | null;
  readonly ready: boolean;
  readonly hidden: boolean;
}

/** The video, shaped like the judged frame once there is one, with the outline drawn over it. */
function LiveFrame({ video, overlay, ready, hidden }: LiveFrameProps) {
  return (
    <div
      className="app-camera__frame"
      style={overlay ? { aspectRatio: `${overlay.width} / ${overlay.height}` } : undefined}
      hidden={hidden}
    >
      <video ref={video} className="app-camera__video" autoPlay muted playsInline aria-hidden="true" />
      {overlay && <LiveOutline overlay={overlay} ready={ready} />}
    </div>
  );
}

function LiveOutline({ overlay, ready }: { readonly overlay: LiveOverlay; readonly ready: boolean }) {
  return (
    <svg
      className="app-camera__overlay"
      viewBox={`0 0 ${overlay.width} ${overlay.height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {overlay.outline && (
        <polygon
          className={`app-camera__outline${ready ? ' app-camera__outline--ready' : ''}`}
          points={svgPoints(overlay.outline)}
          strokeWidth={overlay.unit}
        />
      )}
      <MissingCornerMarks missing={overlay.missing} unit={overlay.unit} />
    </svg>
  );
}

function PausedNotice() {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>The camera was turned off while you were away from this page.</p>
    </div>
  );
}

/** The shutter (or, once paused, the way to turn the camera on again), and the way out. */
function CameraButtons({ camera, onClose }: { readonly camera: LiveCamera; readonly onClose: () => void }) {
  const paused = camera.status === 'paused';
  return (
    <div className="nhsuk-button-group">
      {paused ? (
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
        {paused ? 'Choose a photo instead' : 'Stop the camera'}
      </button>
    </div>
  );
}
