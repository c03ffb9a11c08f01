/** The way into the live camera, offered beside the file input wherever the browser has a camera API. */
import { useEffect, useRef } from 'react';

interface Props {
  readonly onOpen: () => void;
  /** After the camera is stopped, the person lands back on this button. */
  readonly focusOnMount: boolean;
}

export function UseCamera({ onOpen, focusOnMount }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnMount) button.current?.focus();
  }, [focusOnMount]);
  return (
    <div className="app-use-camera">
      <h2 className="nhsuk-heading-s">Or use your camera here</h2>
      <p className="nhsuk-body-s" id="use-camera-hint">
        We tell you what to change while you line up your ID, and take the photo when it would pass.
      </p>
      <button
        ref={button}
        className="nhsuk-button nhsuk-button--secondary"
        type="button"
        aria-describedby="use-camera-hint"
        onClick={onOpen}
      >
        Use camera
      </button>
    </div>
  );
}
