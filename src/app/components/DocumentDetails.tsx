/**
 * What was read from the document, and the code at the bottom of it (the MRZ) with the characters
 * that could not be read for certain marked. Documents that carry no such code do not get the row.
 */
import type { CheckReport, DocumentKind } from '../../pipeline/types.ts';
import { countryName, formatDate } from '../content/present.ts';
import { DOCUMENT_KIND_NAMES } from '../content/text.ts';

/** The kinds that always carry the code (ICAO 9303): for these, "none read" is worth saying. */
const KINDS_WITH_CODE: ReadonlySet<DocumentKind> = new Set([
  'passport',
  'id-card',
  'visa',
  'residence-permit',
]);

export function DocumentDetails({ report }: { report: CheckReport }) {
  const { document, mrzReading } = report;
  const mrzLines = mrzReading?.lines ?? document.mrz;
  const rows: [string, string][] = [
    ['Document type', DOCUMENT_KIND_NAMES[document.kind]],
    ['Issued by', document.issuer ? countryName(document.issuer) : 'Could not be read'],
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
        {(mrzLines || KINDS_WITH_CODE.has(document.kind)) && (
          <div className="nhsuk-summary-list__row" data-code-row>
            <dt className="nhsuk-summary-list__key">The code at the bottom of your ID</dt>
            <dd className="nhsuk-summary-list__value">
              {mrzLines ? (
                <MrzLines lines={mrzLines} suspect={mrzReading?.suspect ?? []} />
              ) : (
                'Could not be read'
              )}
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}

function MrzLines({ lines, suspect }: { lines: readonly string[]; suspect: readonly (readonly number[])[] }) {
  const anySuspect = suspect.some((columns) => columns.length > 0);
  return (
    <>
      {/* Scrolls sideways on a narrow screen: focusable, so the keyboard can scroll it too. */}
      <pre className="app-mrz" role="region" aria-label="The code as read, line by line" tabIndex={0}>
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
          Characters in a dashed box could not be read for certain: the check digit for them did not add up.
        </p>
      )}
    </>
  );
}
