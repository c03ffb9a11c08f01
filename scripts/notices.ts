/**
 * Prints the README's third-party section (thirdPartyNotices.ts), or with --write puts it in README.md.
 *
 *   tsx scripts/notices.ts [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { thirdPartyNotices, withNotices } from './thirdPartyNotices.ts';

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const notices = thirdPartyNotices(root);
if (values.write) {
  const readme = join(root, 'README.md');
  writeFileSync(readme, withNotices(readFileSync(readme, 'utf8'), notices));
} else process.stdout.write(notices);
