/**
 * "Save this photo": the camera's full-resolution still, downloaded from a blob: URL made on this
 * device (nothing is sent anywhere), so that the person can upload it to NHS login.
 */
import { useEffect, useState } from 'react';
import { SAVE_PHOTO } from '../content/text.ts';

export function SavePhoto({ photo }: { photo: Blob }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(photo);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [photo]);
  if (!url) return null;
  return (
    <div className="app-save-photo">
      <a
        className="nhsuk-button nhsuk-button--secondary"
        href={url}
        download={`${SAVE_PHOTO.fileName}.${photo.type === 'image/png' ? 'png' : 'jpg'}`}
        aria-describedby="save-photo-hint"
      >
        {SAVE_PHOTO.button}
      </a>
      <p className="nhsuk-body-s" id="save-photo-hint">
        {SAVE_PHOTO.hint}
      </p>
    </div>
  );
}
