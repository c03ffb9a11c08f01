import { describe, expect, it } from 'vitest';
import { lookAlikesFor } from '../../src/pipeline/lookAlikes.ts';

// Each reader's view is the table it mended with before the views shared one table.
describe('lookAlikesFor, the MRZ evidence', () => {
  it('gives the MRZ evidence each character’s look-alikes, both ways', () => {
    expect(lookAlikesFor('mrz-alike')).toStrictEqual({
      '0': 'ODQ',
      '1': 'IL',
      '2': 'Z',
      '4': 'A',
      '5': 'S',
      '6': 'G',
      '7': 'T',
      '8': 'B',
      O: '0DQ',
      D: '0O',
      Q: '0O',
      I: '1L',
      L: '1I<',
      Z: '2',
      A: '4',
      S: '5',
      G: '6',
      T: '7',
      B: '8',
      '<': 'LKCE',
      K: '<',
      C: '<',
      E: '<',
    });
  });
});

describe('lookAlikesFor, the MRZ columns', () => {
  it('makes MRZ letters digits and digits letters, 3 as B included', () => {
    expect(lookAlikesFor('mrz-digit')).toStrictEqual({
      O: '0',
      D: '0',
      Q: '0',
      I: '1',
      L: '1',
      Z: '2',
      A: '4',
      S: '5',
      G: '6',
      T: '7',
      B: '8',
    });
    expect(lookAlikesFor('mrz-letter')).toStrictEqual({
      '0': 'O',
      '1': 'I',
      '2': 'Z',
      '3': 'B',
      '4': 'A',
      '5': 'S',
      '6': 'G',
      '7': 'T',
      '8': 'B',
    });
  });
});

describe('lookAlikesFor, the licence reader', () => {
  it('leaves the licence reader without 3, 4 and A, and 7 only as a digit', () => {
    expect(lookAlikesFor('licence-digit')).toStrictEqual({
      O: '0',
      D: '0',
      Q: '0',
      I: '1',
      L: '1',
      Z: '2',
      S: '5',
      G: '6',
      T: '7',
      B: '8',
    });
    expect(lookAlikesFor('licence-letter')).toStrictEqual({
      '0': 'O',
      '1': 'I',
      '2': 'Z',
      '5': 'S',
      '6': 'G',
      '8': 'B',
    });
  });
});
