/**
 * The two ways a photo reaches the check: chosen (a file, a drop, a paste) or taken with the live
 * camera. The camera's photo exists nowhere else, so it is kept while its result is shown, so that
 * it can be saved; a chosen photo forgets it.
 */
import { useCallback, useState } from 'react';

export interface PhotoSources {
  /** The photo the live camera took, while its check or result is shown. */
  readonly cameraPhoto: File | null;
  readonly checkChosenPhoto: (photo: File) => void;
  readonly checkCameraPhoto: (photo: File) => void;
}

export function useCameraPhoto(checkPhoto: (photo: File) => void): PhotoSources {
  const [cameraPhoto, setCameraPhoto] = useState<File | null>(null);
  const checkChosenPhoto = useCallback(
    (photo: File) => {
      setCameraPhoto(null);
      checkPhoto(photo);
    },
    [checkPhoto],
  );
  const checkCameraPhoto = useCallback(
    (photo: File) => {
      setCameraPhoto(photo);
      checkPhoto(photo);
    },
    [checkPhoto],
  );
  return { cameraPhoto, checkChosenPhoto, checkCameraPhoto };
}
