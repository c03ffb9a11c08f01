/** A photo pasted anywhere on the page (a screenshot, or an image copied from another app). */
import { useEffect } from 'react';

export function usePastedPhoto(onPhoto: (photo: File) => void): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const photo = [...(event.clipboardData?.files ?? [])].find((file) => file.type.startsWith('image/'));
      if (!photo) return;
      event.preventDefault();
      onPhoto(photo);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [onPhoto]);
}
