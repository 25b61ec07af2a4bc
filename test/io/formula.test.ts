/** Shared formulas: the master's formula moved to each cell of the group, as Excel fills it. */
import { shiftFormula } from '../../src/io/formula';

describe('shiftFormula', () => {
  it.each([
    ['SUM(F5:F60)', 1, 0, 'SUM(F6:F61)'],
    ['SUM($F$5:F60)', 2, 1, 'SUM($F$5:G62)'],
    ['A$1+$A1', 3, 2, 'C$1+$A4'],
    ["'Phụ lục 1'!B2*Sheet2!C3", 1, 1, "'Phụ lục 1'!C3*Sheet2!D4"],
    ['IF(A1="B2",LOG10(C3),"x""D4")', 1, 0, 'IF(A2="B2",LOG10(C4),"x""D4")'],
    ['SUM(A:A)+SUM(3:4)', 2, 1, 'SUM(B:B)+SUM(5:6)'],
    ['Table1[[#This Row],[A1]]+A1', 1, 0, 'Table1[[#This Row],[A1]]+A2'],
    ['1.5E+10*A1', 1, 0, '1.5E+10*A2'],
    ['A1-1', -1, 0, '#REF!-1'],
    ['XFD1+1', 0, 1, '#REF!+1'],
    ['TRUE', 4, 4, 'TRUE'],
  ])('%s moved by (%i rows, %i cols) → %s', (f, dr, dc, want) => {
    expect(shiftFormula(f, dr, dc)).toBe(want);
  });
});
