/** The labelled file input, which is also a drop zone. Pasting a photo anywhere is handled by the page. */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { PhotoProblem } from '../flow/checkFlow.ts';

export const PHOTO_INPUT_ID = 'photo';

interface Props {
  readonly onPhoto: (photo: File) => void;
  readonly problem: PhotoProblem | null;
  /** After "Check another photo", the person lands on the input. */
  readonly focusOnMount: boolean;
}

export function PhotoPicker({ onPhoto, problem, focusOnMount }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (focusOnMount) input.current?.focus();
  }, [focusOnMount]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const photo = event.dataTransfer.files[0];
    if (photo) onPhoto(photo);
  };

  return (
    <div className={`nhsuk-form-group${problem ? ' nhsuk-form-group--error' : ''}`}>
      <h2 className="nhsuk-label-wrapper">
        <label className="nhsuk-label nhsuk-label--m" htmlFor={PHOTO_INPUT_ID}>
          Choose or take a photo of your ID
        </label>
      </h2>
      <div className="nhsuk-hint" id="photo-hint">
        A JPEG, PNG or WebP photo. On a phone you can take the photo now. You can also drag a photo here, or
        paste one.
      </div>
      {problem && (
        <span className="nhsuk-error-message" id="photo-error">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem.message}
        </span>
      )}
      <div
        className={`app-drop-zone${dragging ? ' app-drop-zone--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          ref={input}
          className="nhsuk-file-upload__input"
          id={PHOTO_INPUT_ID}
          name="photo"
          type="file"
          accept="image/*"
          capture="environment"
          aria-describedby={problem ? 'photo-hint photo-error' : 'photo-hint'}
          onChange={(event) => {
            const photo = event.currentTarget.files?.[0];
            // Cleared so that choosing the same file again is a new choice.
            event.currentTarget.value = '';
            if (photo) onPhoto(photo);
          }}
        />
      </div>
    </div>
  );
}
