/** The way in to the rehearsal, from the intro and from "If it keeps failing". */
import { REHEARSAL_HASH, REHEARSAL_LINK_TEXT } from './text.ts';

export function RehearsalLink({ lead }: { lead: string }) {
  return (
    <p>
      {lead} <a href={REHEARSAL_HASH}>{REHEARSAL_LINK_TEXT.toLowerCase()}</a>: your face, your light and your
      voice, checked on this device.
    </p>
  );
}
