/**
 * On a first visit, while the checker's engines download: how much has arrived. A photo can be chosen
 * meanwhile (its check starts once they are in), so this sits beside the photo input, not instead of it.
 * After that, while a check waits for tesseract's files or its printed-text model (which arrive after
 * the rest), how much of those has arrived.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { CheckClient, EngineDownloadPart } from '../checkClient.ts';
import { downloadLabel } from '../content/text.ts';

const LABEL_ID = 'engine-download-label';

/** Before ready: what a check needs to start. */
export const CHECKER_DOWNLOAD: readonly EngineDownloadPart[] = ['checker'];
/** After ready, while a check waits: tesseract's files, then its printed-text model. */
export const READERS_DOWNLOAD: readonly EngineDownloadPart[] = ['code-reader', 'text-reader'];

export function EngineDownload({
  client,
  parts,
}: {
  client: CheckClient;
  /** The downloads to show, the first still under way (one of the lists below: a stable array). */
  parts: readonly EngineDownloadPart[];
}) {
  const snapshot = useCallback(() => client.downloading(parts), [client, parts]);
  const progress = useSyncExternalStore(client.subscribeToDownload, snapshot);
  // All in: what is left (starting the engines) is the check's "getting ready" step.
  if (!progress) return null;
  const percent = Math.floor((100 * progress.loadedBytes) / progress.totalBytes);
  return (
    <div className="app-download" data-download-percent={percent} data-download-part={progress.part}>
      <p className="nhsuk-body-s app-download__label" id={LABEL_ID}>
        {downloadLabel(percent, progress.part)}
      </p>
      <progress className="app-download__bar" aria-labelledby={LABEL_ID} max={100} value={percent} />
    </div>
  );
}
