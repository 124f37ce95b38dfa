/** CSV cells a spreadsheet would run as a formula are neutralised (OWASP CSV injection); plain numbers stay numbers. */
import { describe, expect, it } from 'vitest';
import { csvField, csvFile, neutraliseFormula } from '../../dashboard/src/lib/server/csv.ts';

describe('neutraliseFormula', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://x.example","klik")', '\'=HYPERLINK("http://x.example","klik")'],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['+cmd', "'+cmd"],
    ['-2+3+cmd|x', "'-2+3+cmd|x"],
    ['\tx', "'\tx"],
    ['\r=1', "'\r=1"],
    ['  =1+1', "'  =1+1"],
    ['＝1+1', "'＝1+1"],
    ['-', "'-"],
  ])('%j → %j', (input, out) => expect(neutraliseFormula(input)).toBe(out));

  it.each(['-12.5', '+3', '-1.2e-5', '0', '42', '.5', '-.5'])('leaves the plain number %s', (n) => expect(neutraliseFormula(n)).toBe(n));
  it.each(['Dinas Kesehatan', 'a=b', 'x-y', 'III/a', ''])('leaves ordinary text %j', (t) => expect(neutraliseFormula(t)).toBe(t));
});

describe('csvField and csvFile', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\r\ny')).toBe('"x\r\ny"');
    expect(csvField(' lead')).toBe('" lead"');
  });
  it('neutralises every text cell, header included, and keeps numbers', () => {
    const f = csvFile(['=h', 'n'], [['=1+1', -3], ['@x', null]]);
    expect(f).toBe("\uFEFF'=h,n\r\n'=1+1,-3\r\n'@x,\r\n");
  });
});
