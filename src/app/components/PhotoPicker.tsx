/**
 * The NHS.UK File upload component (nhsuk-frontend 10.6), in React: its button names the photo
 * chosen (so that while a photo is checked, the input says which), and is also its drop zone. The
 * real input has no `capture`, so that a phone offers its gallery as well as its camera; the live
 * camera is "Use camera". Pasting a photo anywhere is handled by the page.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { PhotoProblem } from '../flow/checkFlow.ts';

/** The design system's button takes the input's id, so that the error summary's link lands on it. */
export const PHOTO_INPUT_ID = 'photo';

interface Props {
  readonly onPhoto: (photo: File) => void;
  readonly problem: PhotoProblem | null;
  /** The photo being checked, named in the button. */
  readonly chosen: string | null;
  /** After "Check another photo", the person lands on the input. */
  readonly focusOnMount: boolean;
}

export function PhotoPicker({ onPhoto, problem, chosen, focusOnMount }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (focusOnMount) button.current?.focus();
  }, [focusOnMount]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const photo = event.dataTransfer.files[0];
    if (photo) onPhoto(photo);
  };
  const describedBy = problem ? 'photo-hint photo-error' : 'photo-hint';

  return (
    <div className={`nhsuk-form-group nhsuk-file-upload${problem ? ' nhsuk-form-group--error' : ''}`}>
      <h2 className="nhsuk-label-wrapper">
        <label className="nhsuk-label nhsuk-label--m" id="photo-label" htmlFor={`${PHOTO_INPUT_ID}-input`}>
          Choose a photo of your ID
        </label>
      </h2>
      <div className="nhsuk-hint" id="photo-hint">
        A JPG, PNG or WEBP photo, from your gallery or taken now.
        <span className="app-pointer-only"> You can also drag a photo here, or paste one.</span>
      </div>
      {problem && (
        <span className="nhsuk-error-message" id="photo-error">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem.message}
        </span>
      )}
      <div className="nhsuk-file-upload__drop-zone">
        <button
          ref={button}
          type="button"
          id={PHOTO_INPUT_ID}
          className={[
            'nhsuk-file-upload__drop-button',
            chosen ? '' : 'nhsuk-file-upload__drop-button--empty',
            dragging ? 'nhsuk-file-upload__drop-button--dragging' : '',
          ]
            .filter(Boolean)
            .join(' ')}
          aria-labelledby={`photo-label photo-comma ${PHOTO_INPUT_ID}`}
          aria-describedby={describedBy}
          onClick={() => input.current?.click()}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <span className="nhsuk-body nhsuk-file-upload__status" data-chosen={chosen ?? ''}>
            {chosen ?? 'No file chosen'}
          </span>
          <span className="nhsuk-u-visually-hidden" id="photo-comma">
            ,{' '}
          </span>
          <span className="nhsuk-file-upload__drop-button-group">
            <span className="nhsuk-button nhsuk-file-upload__choose-files-button nhsuk-button--secondary">
              Choose file
            </span>{' '}
            <span className="nhsuk-body nhsuk-file-upload__drop-instruction app-pointer-only">
              or drop file
            </span>
          </span>
        </button>
        <input
          ref={input}
          className="nhsuk-file-upload__input"
          id={`${PHOTO_INPUT_ID}-input`}
          name="photo"
          type="file"
          accept="image/*"
          hidden
          tabIndex={-1}
          aria-hidden="true"
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
