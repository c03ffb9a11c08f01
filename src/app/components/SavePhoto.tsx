/**
 * "Save this photo": the camera's full-resolution still, downloaded from a blob: URL made on this
 * device (nothing is sent anywhere), so that the person can upload it to NHS login.
 */
import { useEffect, useState } from 'react';
import { SAVE_PHOTO } from '../content/text.ts';

export function SavePhoto({ photo, words = SAVE_PHOTO }: { photo: Blob; words?: typeof SAVE_PHOTO }) {
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
        download={`${words.fileName}.${photo.type === 'image/png' ? 'png' : 'jpg'}`}
        aria-describedby="save-photo-hint"
      >
        {words.button}
      </a>
      <p className="nhsuk-body-s" id="save-photo-hint">
        {words.hint}
      </p>
    </div>
  );
}
