/**
 * The NHS.UK File upload component (nhsuk-frontend 10.6), in React: its button names the photo
 * chosen (so that while a photo is checked, the input says which), and is also its drop zone. The
 * real input has no `capture`, so that a phone offers its gallery as well as its camera; the live
 * camera is "Use camera". Pasting a photo anywhere is handled by the page.
 */
import { useEffect, useRef, useState, type DragEvent, type RefObject } from 'react';
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
        <DropButton
          onPhoto={onPhoto}
          onChoose={() => input.current?.click()}
          chosen={chosen}
          describedBy={problem ? 'photo-hint photo-error' : 'photo-hint'}
          focusOnMount={focusOnMount}
        />
        <PhotoInput input={input} onPhoto={onPhoto} />
      </div>
    </div>
  );
}

interface DropButtonProps {
  readonly onPhoto: (photo: File) => void;
  /** Opens the real input's file chooser. */
  readonly onChoose: () => void;
  readonly chosen: string | null;
  readonly describedBy: string;
  readonly focusOnMount: boolean;
}

/** The design system's button: it opens the file chooser, names the photo chosen, and takes a dropped photo. */
function DropButton({ onPhoto, onChoose, chosen, describedBy, focusOnMount }: DropButtonProps) {
  const button = useRef<HTMLButtonElement>(null);
  const { dragging, dropHandlers } = useDropZone(onPhoto);
  useEffect(() => {
    if (focusOnMount) button.current?.focus();
  }, [focusOnMount]);

  return (
    <button
      ref={button}
      type="button"
      id={PHOTO_INPUT_ID}
      className={dropButtonClass(chosen, dragging)}
      aria-labelledby={`photo-label photo-comma ${PHOTO_INPUT_ID}`}
      aria-describedby={describedBy}
      onClick={onChoose}
      {...dropHandlers}
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
        <span className="nhsuk-body nhsuk-file-upload__drop-instruction app-pointer-only">or drop file</span>
      </span>
    </button>
  );
}

/** A photo dragged over the button shows it can be dropped there; the first file dropped is the photo. */
function useDropZone(onPhoto: (photo: File) => void) {
  const [dragging, setDragging] = useState(false);
  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const photo = event.dataTransfer.files[0];
      if (photo) onPhoto(photo);
    },
  };
  return { dragging, dropHandlers };
}

function dropButtonClass(chosen: string | null, dragging: boolean): string {
  return [
    'nhsuk-file-upload__drop-button',
    chosen ? '' : 'nhsuk-file-upload__drop-button--empty',
    dragging ? 'nhsuk-file-upload__drop-button--dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The real input, hidden: the button opens it, and it is named by the label. */
function PhotoInput({
  input,
  onPhoto,
}: {
  readonly input: RefObject<HTMLInputElement | null>;
  readonly onPhoto: (photo: File) => void;
}) {
  return (
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
  );
}
