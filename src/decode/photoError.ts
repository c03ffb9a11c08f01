/**
 * The only exception the checker throws: the input is not a photo it can look at. Bad documents are
 * not errors: they are rule results.
 */
export type PhotoErrorCode =
  | 'file-not-found'
  | 'empty-file'
  | 'not-an-image'
  | 'pdf-not-supported'
  | 'gif-not-supported'
  | 'heic-not-supported'
  | 'unsupported-format'
  | 'corrupt-image'
  | 'image-too-small'
  | 'image-too-large'
  | 'check-failed';

export class PhotoError extends Error {
  constructor(
    readonly code: PhotoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PhotoError';
  }
}
