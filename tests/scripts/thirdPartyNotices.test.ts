import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NOTICES_END,
  NOTICES_START,
  runtimePackages,
  thirdPartyNotices,
} from '../../scripts/thirdPartyNotices.ts';
import { PROJECT_ROOT } from '../support/fixtures.ts';

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('third-party notices', () => {
  it('the README’s section is what npm run notices makes of package-lock.json', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf(NOTICES_START),
      readme.indexOf(NOTICES_END) + NOTICES_END.length + 1,
    );
    expect(section).toBe(thirdPartyNotices(PROJECT_ROOT));
  });

  it('lists every runtime dependency at its pinned version with a licence, and no devDependency', () => {
    const listed = runtimePackages(PROJECT_ROOT);
    const versions = Object.fromEntries(listed.map((p) => [p.name, p.version]));
    for (const [name, version] of Object.entries(manifest.dependencies)) expect(versions[name]).toBe(version);
    for (const name of Object.keys(manifest.devDependencies)) expect(versions[name]).toBeUndefined();
    expect(
      listed.filter((p) => !/^[A-Za-z0-9.+-]+( (AND|OR) [A-Za-z0-9.+-]+)*$/u.test(p.licence)),
    ).toStrictEqual([]);
  });
});
