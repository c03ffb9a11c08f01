/** What was read from the document, with the MRZ's unreadable characters marked. */
import type { CheckReport } from '../../pipeline/types.ts';
import { DOCUMENT_KIND_NAMES } from '../content/text.ts';

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
}

export function DocumentDetails({ report }: { report: CheckReport }) {
  const { document, mrzReading } = report;
  const mrzLines = mrzReading?.lines ?? document.mrz;
  const rows: [string, string][] = [
    ['Document type', DOCUMENT_KIND_NAMES[document.kind]],
    ['Issued by', document.issuer ?? 'Could not be read'],
    ['Expires', document.expiry ? formatDate(document.expiry) : 'Could not be read'],
  ];
  if (document.provisional !== null) rows.push(['Licence', document.provisional ? 'Provisional' : 'Full']);

  return (
    <>
      <dl className="nhsuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="nhsuk-summary-list__row" key={key}>
            <dt className="nhsuk-summary-list__key">{key}</dt>
            <dd className="nhsuk-summary-list__value">{value}</dd>
          </div>
        ))}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Machine-readable zone</dt>
          <dd className="nhsuk-summary-list__value">
            {mrzLines ? <MrzLines lines={mrzLines} suspect={mrzReading?.suspect ?? []} /> : 'None read'}
          </dd>
        </div>
      </dl>
    </>
  );
}

function MrzLines({ lines, suspect }: { lines: readonly string[]; suspect: readonly (readonly number[])[] }) {
  const anySuspect = suspect.some((columns) => columns.length > 0);
  return (
    <>
      <pre className="app-mrz" aria-label="The code as read, line by line">
        {lines.map((line, index) => {
          const columns = new Set(suspect[index] ?? []);
          return (
            <span className="app-mrz__line" key={index}>
              {[...line].map((character, column) =>
                columns.has(column) ? (
                  <mark className="app-mrz__suspect" key={column}>
                    {character}
                  </mark>
                ) : (
                  character
                ),
              )}
              {'\n'}
            </span>
          );
        })}
      </pre>
      {anySuspect && (
        <p className="nhsuk-body-s app-mrz__key">
          Characters in a dashed box could not be read for certain: their check digit did not add up.
        </p>
      )}
    </>
  );
}
