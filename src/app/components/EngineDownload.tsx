/**
 * On a first visit, while the checker's engines download: how much has arrived. A photo can be chosen
 * meanwhile (its check starts once they are in), so this sits beside the photo input, not instead of it.
 * After that, while a check waits for tesseract's files (`code-reader`, which arrive after the rest),
 * how much of those has arrived.
 */
import { useSyncExternalStore } from 'react';
import type { CheckClient, EngineDownloadPart } from '../checkClient.ts';
import { downloadLabel } from '../content/text.ts';

const LABEL_ID = 'engine-download-label';

export function EngineDownload({
  client,
  part = 'checker',
}: {
  client: CheckClient;
  part?: EngineDownloadPart;
}) {
  const progress = useSyncExternalStore(
    client.subscribeToDownload,
    part === 'checker' ? client.downloadProgress : client.codeReaderDownloadProgress,
  );
  if (!progress || progress.totalBytes === 0) return null;
  const percent = Math.floor((100 * progress.loadedBytes) / progress.totalBytes);
  // All in: what is left (starting the engines) is the check's "getting ready" step.
  if (percent >= 100) return null;
  return (
    <div className="app-download" data-download-percent={percent} data-download-part={part}>
      <p className="nhsuk-body-s app-download__label" id={LABEL_ID}>
        {downloadLabel(percent, part)}
      </p>
      <progress className="app-download__bar" aria-labelledby={LABEL_ID} max={100} value={percent} />
    </div>
  );
}
