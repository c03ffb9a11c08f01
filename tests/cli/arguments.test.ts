import { describe, expect, it } from 'vitest';
import { parseArguments, USAGE } from '../../src/cli/arguments.ts';

const NOW = new Date('2026-03-04T23:30:00Z');

describe('parseArguments', () => {
  it('reads the files, --json and --today, in any order, and takes files after -- as files', () => {
    expect(parseArguments(['check', 'a.jpg', '--json', '--today', '2026-06-01', 'b.png'], NOW)).toStrictEqual(
      {
        json: true,
        today: '2026-06-01',
        files: ['a.jpg', 'b.png'],
      },
    );
    expect(parseArguments(['check', '--today=2024-02-29', '--', '--json', '-x.jpg'], NOW)).toStrictEqual({
      json: false,
      today: '2024-02-29',
      files: ['--json', '-x.jpg'],
    });
  });

  it('judges against today’s UTC date unless --today says otherwise', () => {
    expect(parseArguments(['check', 'a.jpg'], NOW)).toStrictEqual({
      json: false,
      today: '2026-03-04',
      files: ['a.jpg'],
    });
  });

  it('says what is wrong, then how to use it', () => {
    expect(parseArguments([], NOW)).toBe(USAGE);
    expect(parseArguments(['check'], NOW)).toBe(`no files given\n${USAGE}`);
    expect(parseArguments(['verify', 'x.jpg'], NOW)).toBe(`unknown command: verify\n${USAGE}`);
    expect(parseArguments(['check', '--bogus', 'x.jpg'], NOW)).toBe(`unknown option: --bogus\n${USAGE}`);
    for (const today of [
      ['--today'],
      ['--today', '2026-13-45'],
      ['--today=2025-02-29'],
      ['--today', '26-06-01'],
    ])
      expect(parseArguments(['check', ...today, 'x.jpg'], NOW)).toBe(
        `--today needs a date as YYYY-MM-DD\n${USAGE}`,
      );
  });
});
