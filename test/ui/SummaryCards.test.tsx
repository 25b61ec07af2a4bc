/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The budget card's badge reflects every budget rule, not only the total: never "Khớp" in green while the amount in
// words is wrong; the row that differs is marked and the card names the cells. The deadline card's badge takes the
// colour of its findings (an overdue task with no status is a warning, not an error).
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SummaryCards, budgetIssues } from '../../src/ui/SummaryCards';
import { check } from '../../src/core/check';
import type { Lang, SheetReport } from '../../src/core/report';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { editCells, fixtureSnapshot, insertRows } from '../helpers';
import { installDomPolyfills } from '../taskpane/fakeHost';

installDomPolyfills();
afterEach(cleanup);

let hue: SheetSnapshot;
beforeAll(async () => {
  hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
});

function show(report: SheetReport, lang: Lang = 'vi', onSelect?: (cell: string) => void) {
  render(
    <FluentProvider theme={webLightTheme}>
      <SummaryCards report={report} asOf="2018-02-15" lang={lang} onSelect={onSelect} />
    </FluentProvider>,
  );
  return screen.getByRole('region', { name: /Kinh phí|Budget/ });
}

test('the total right but the amount in words wrong: the badge says Không khớp, the words row is marked', () => {
  // F61 typed right (26.979) and F21 a number: only the words (21.950) disagree
  const report = check(editCells(hue, { F61: 26979, F21: 2019 }), { asOf: '2018-02-15' });
  expect(report.findings.filter((f) => f.rule.startsWith('budget')).map((f) => `${f.rule} ${f.cell}`)).toEqual(['budget-words-mismatch A62']);
  const selected: string[] = [];
  const card = show(report, 'vi', (c) => selected.push(c));
  const badge = within(card).getByTestId('budget-badge');
  expect(badge.textContent).toBe('Không khớp');
  expect(within(card).queryByText('Khớp')).toBeNull();
  // the row that differs: the words, not the total row
  const marked = [...card.querySelectorAll('dd[data-mark]')];
  expect(marked.map((d) => d.getAttribute('data-mark'))).toEqual(['error']);
  expect(marked[0].textContent).toContain('21.950');
  expect(marked[0].textContent).toContain('(Không khớp)');
  const issues = within(card).getByTestId('budget-issues');
  expect(issues.textContent).toContain('Số tiền bằng chữ khác tổng cộng: A62');
  fireEvent.click(within(issues).getByRole('button', { name: /^A62/ }));
  expect(selected).toEqual(['A62']);
});

test('the Huế sheet as it is: total and text number; the total row is the one marked', () => {
  const report = check(hue, { asOf: '2018-02-15' });
  const card = show(report);
  expect(within(card).getByTestId('budget-badge').textContent).toBe('Không khớp');
  const marked = [...card.querySelectorAll('dd[data-mark]')];
  expect(marked.length).toBe(1);
  expect(marked[0].textContent).toContain('21.950'); // "Dòng tổng cộng ghi"
  const kinds = budgetIssues(report).map((i) => `${i.key} ${i.severity} ${i.cells.join(',')}`);
  expect(kinds).toEqual(['summary.budgetIssue.total error F61', 'summary.budgetIssue.text info F21,F61']);
  // the words (21.950) agree with the stated total: not marked, even though the total itself is wrong
});

test('every budget rule counts: a negative amount makes the badge Cần xem lại; nothing wrong is Khớp', () => {
  const negative = check(editCells(hue, { F61: 26979, F21: 2019, F6: -30, A62: '' }), { asOf: '2018-02-15' });
  const kinds = budgetIssues(negative).map((i) => i.key);
  expect(kinds).toContain('summary.budgetIssue.negative');
  expect(negative.findings.some((f) => f.severity === 'error' && f.rule.startsWith('budget'))).toBe(true); // the total is now off by 30
  cleanup();
  const fine = check(editCells(hue, { F61: 26979, F21: 2019 }), { asOf: '2018-02-15' });
  const ok = { ...fine, findings: fine.findings.filter((f) => f.rule !== 'budget-words-mismatch') };
  const card = show(ok);
  expect(within(card).getByTestId('budget-badge').textContent).toBe('Khớp');
  expect(card.querySelector('dd[data-mark]')).toBeNull();
  cleanup();
  const warnOnly = { ...ok, findings: [...ok.findings, { rule: 'negative-amount', severity: 'warning', cell: 'F6', row: 6, column: 'F', message: { vi: 'Kinh phí âm', en: 'Negative' } } as const] };
  expect(within(show(warnOnly)).getByTestId('budget-badge').textContent).toBe('Cần xem lại');
});

test('the deadline badge has the colour of its findings: overdue with no status is a warning', () => {
  const report = check(hue, { asOf: '2018-02-15' });
  show(report);
  const deadlines = screen.getByRole('region', { name: /Thời hạn/ });
  const badge = within(deadlines).getByText('Quá hạn: 12');
  expect(badge.getAttribute('data-severity')).toBe('warning');
  expect(report.findings.filter((f) => f.rule === 'deadline-overdue').every((f) => f.severity === 'warning')).toBe(true);
});

test('the breakdown and no-amount rules count on the budget card; «Lồng ghép» (info) is no issue', () => {
  const hueCol = (cells: Record<string, string | number>) => check(editCells(hue, { F61: 26979, F21: 2019, A62: '', ...cells }), { asOf: '2018-02-15' });
  // a task with no figure: «Lồng ghép» is no budget of its own, «Theo dự toán» an amount the total leaves out
  expect(budgetIssues(hueCol({ F25: 'Lồng ghép' }))).toEqual([]);
  expect(budgetIssues(hueCol({ F25: 'Theo dự toán' })).map((i) => `${i.key} ${i.severity} ${i.cells.join(',')}`)).toEqual([
    'summary.budgetIssue.pending warning F25',
  ]);
  // a "Trong đó" line under task I.2 (40) that says more than the task
  const withLine = insertRows(hue, 9, [[null, 'Trong đó: ngân sách tỉnh', null, null, null, 50, null]]);
  const over = check(editCells(withLine, { F62: 26979, F22: 2019, A63: '' }), { asOf: '2018-02-15' });
  expect(over.findings.filter((f) => f.rule.startsWith('budget')).map((f) => `${f.rule} ${f.cell}`)).toEqual(['budget-breakdown-mismatch F9']);
  expect(budgetIssues(over).map((i) => i.key)).toEqual(['summary.budgetIssue.breakdown']);
  expect(within(show(over)).getByTestId('budget-badge').textContent).toBe('Không khớp');
});
