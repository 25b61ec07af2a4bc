/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// How to fix, under each group of findings, and the suggested fix under each finding that has one — the same
// component serves the Excel pane and the preview page. The help link goes to the page served next to them.
import { cleanup, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { FindingsList } from '../../src/ui/FindingsList';
import { HelpLink, HELP_PAGE_URL } from '../../src/ui/HelpLink';
import { check } from '../../src/core/check';
import { RULE_BY_ID, type Lang, type SheetReport } from '../../src/core/report';
import { fixtureSnapshot } from '../helpers';
import { installDomPolyfills } from '../taskpane/fakeHost';

installDomPolyfills();
afterEach(cleanup);

let hue: SheetReport;
beforeAll(async () => {
  hue = check(await fixtureSnapshot('hue-2018-nhiem-vu.xlsx'), { asOf: '2018-02-15' });
});

function show(report: SheetReport, lang: Lang) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <FindingsList findings={report.findings} lang={lang} onSelect={() => undefined} />
    </FluentProvider>,
  );
}

test('each group says how to fix its findings, in the pane\'s language', () => {
  show(hue, 'vi');
  const advice = screen.getAllByTestId('how-to-fix').map((e) => e.textContent);
  const rules = [...new Set(hue.findings.map((f) => f.rule))];
  expect(advice.length).toBe(rules.length);
  for (const r of rules) expect(advice).toContain(`Cách sửa: ${RULE_BY_ID[r].howToFix.vi}`);
  cleanup();
  show(hue, 'en');
  expect(screen.getAllByTestId('how-to-fix').map((e) => e.textContent)).toContain(`How to fix: ${RULE_BY_ID['budget-total-mismatch'].howToFix.en}`);
});

test('a finding with a fix plan shows it under its message, and says it to screen readers', () => {
  show(hue, 'vi');
  const f61 = screen.getByRole('button', { name: /F61: Tổng cộng ghi 21\.950/ });
  expect(within(f61).getByText(/Ghi công thức =SUM\(F6:F59\) vào F61 \(kết quả 26\.979\); đổi F21 «2\.019»/)).toBeTruthy();
  expect(f61.querySelector('[data-fix="sum-formula"]')!.textContent).toBe(`Đề xuất: ${hue.findings.find((f) => f.cell === 'F61' && f.fix)!.fix!.description.vi}`);
  expect(f61.getAttribute('aria-label')).toMatch(/Đề xuất: Ghi công thức =SUM\(F6:F59\)/);
  const f21 = screen.getByRole('button', { name: /F21: Số «2\.019»/ });
  expect(f21.querySelector('[data-fix="number-from-text"]')!.textContent).toBe('Đề xuất: Đổi F21 «2.019» thành số 2.019 (giữ định dạng ô).');
  // a finding without a plan shows only its message
  const g = screen.getAllByRole('button', { name: /Đi tới ô G\d+/ })[0];
  expect(g.querySelector('[data-fix]')).toBeNull();
});

test('the help link opens huong-dan.html in a new window', () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <HelpLink lang="vi" />
    </FluentProvider>,
  );
  const link = screen.getByRole('link', { name: 'Hướng dẫn' });
  expect(link.getAttribute('href')).toBe(HELP_PAGE_URL);
  expect(HELP_PAGE_URL).toBe('huong-dan.html');
  expect(link.getAttribute('target')).toBe('_blank');
  expect(link.getAttribute('rel')).toBe('noopener noreferrer');
});
