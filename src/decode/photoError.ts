/**
 * The only exception the checker throws: the input is not a photo it can look at. Bad documents are
 * not errors: they are rule results.
 */
export const PHOTO_ERROR_CODES = [
  'file-not-found',
  'not-a-file',
  'file-too-large',
  'file-unreadable',
  'empty-file',
  'not-an-image',
  'pdf-not-supported',
  'gif-not-supported',
  'heic-not-supported',
  'unsupported-format',
  'corrupt-image',
  'image-too-small',
  'image-too-large',
  'check-failed',
] as const;

export type PhotoErrorCode = (typeof PHOTO_ERROR_CODES)[number];

/**
 * `message` is ours, in words for the person who chose the file; `detail`, when there is one, is what
 * the library or the system said, for whoever looks into it.
 */
export class PhotoError extends Error {
  constructor(
    readonly code: PhotoErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'PhotoError';
  }
}

/** The first line of what a library threw, for a PhotoError's detail. */
export function detailOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
