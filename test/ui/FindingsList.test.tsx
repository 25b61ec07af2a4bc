/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// How to fix, under each group of findings, and the suggested fix under each finding that has one — the same
// component serves the Excel pane and the preview page. The help link goes to the page served next to them.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
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
  const f61 = screen.getByRole('button', { name: /F61 — Tổng cộng ghi 21\.950/ });
  expect(within(f61).getByText(/Ghi công thức =SUM\(F6:F59\) vào F61 \(kết quả 26\.979\); đổi F21 «2\.019»/)).toBeTruthy();
  expect(f61.querySelector('[data-fix="sum-formula"]')!.textContent).toBe(`Đề xuất: ${hue.findings.find((f) => f.cell === 'F61' && f.fix)!.fix!.description.vi}`);
  expect(f61.textContent).toMatch(/Đề xuất: Ghi công thức =SUM\(F6:F59\)/);
  const f21 = screen.getByRole('button', { name: /F21 — Số «2\.019»/ });
  expect(f21.querySelector('[data-fix="number-from-text"]')!.textContent).toBe('Đề xuất: Đổi F21 «2.019» thành số 2.019 (giữ định dạng ô).');
  // a finding without a plan shows only its message
  const g = screen.getAllByRole('button', { name: /^Cảnh báo: G\d+/ })[0];
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

// ── a list people can work through (issue 12, point 7) ─────────────────────────────────────────────────────────

function showList(findings: SheetReport['findings'], props: Partial<Parameters<typeof FindingsList>[0]> = {}) {
  const selected: string[] = [];
  const r = render(
    <FluentProvider theme={webLightTheme}>
      <FindingsList findings={findings} lang="vi" onSelect={(c) => selected.push(c)} {...props} />
    </FluentProvider>,
  );
  return { ...r, selected };
}

/** 121 findings: the Huế ones, and more deadlines overdue further down the sheet */
function many(): SheetReport['findings'] {
  const extra = [];
  for (let i = 0; i < 92; i++) {
    const row = 100 + i;
    extra.push({ rule: 'deadline-overdue' as const, severity: 'warning' as const, cell: `G${row}`, row, column: 'G', message: { vi: `Quá hạn: hạn hoàn thành «Quý ${(i % 4) + 1}/2017» đã qua.`, en: 'Overdue.' } });
  }
  return [...hue.findings, ...extra];
}

const findingButtons = (c: HTMLElement, sev?: string) => [...c.querySelectorAll<HTMLElement>(`button[data-rule]${sev ? `[data-severity="${sev}"]` : ''}`)];

test('repeated messages are one line with a button per cell ("×11 ô"), each cell still its own button', () => {
  const { container } = showList(hue.findings);
  const cluster = [...container.querySelectorAll('[data-cluster]')].find((e) => e.textContent!.includes('Thời gian hoàn thành'))!;
  expect(cluster.getAttribute('data-cluster')).toBe('11');
  expect(cluster.textContent).toContain('×11 ô');
  expect(cluster.textContent).toContain('Thiếu «Thời gian hoàn thành» (cột bắt buộc)');
  const chips = within(cluster as HTMLElement).getAllByRole('button').filter((b) => b.hasAttribute('data-rule'));
  expect(chips.map((b) => b.textContent!.replace(/^Lỗi: /, '').replace(/ — .*/, ''))).toEqual(['G14', 'G23', 'G34', 'G37', 'G38', 'G39', 'G40', 'G46', 'G54', 'G59', 'G60']);
  // a cell's button carries its own full message for screen readers, after its visible text
  expect(chips[0].textContent).toBe('Lỗi: G14 — Thiếu «Thời gian hoàn thành» của nhiệm vụ II.2 (dòng 14).');
  // one button per finding, whatever the grouping
  expect(findingButtons(container).length).toBe(hue.findings.length);
  // "Xem từng ô" shows each cell as its own item, with its message
  fireEvent.click(within(cluster as HTMLElement).getByRole('button', { name: 'Xem từng ô' }));
  expect(findingButtons(container).length).toBe(hue.findings.length);
  expect(screen.getByText('Thiếu «Thời gian hoàn thành» của nhiệm vụ VII.11 (dòng 60).')).toBeTruthy();
});

test('the clicked finding stays highlighted; previous / next go through the list, Alt+↓ / Alt+↑ too', () => {
  const { container, selected } = showList(hue.findings);
  const f61 = screen.getByRole('button', { name: /F61 — Tổng cộng ghi/ });
  fireEvent.click(f61);
  expect(selected).toEqual(['F61']);
  expect(f61.getAttribute('aria-current')).toBe('true');
  expect(container.querySelectorAll('[aria-current="true"]').length).toBe(1);
  const position = screen.getByTestId('finding-position');
  const at = Number(position.textContent!.split('/')[0]);
  expect(position.textContent).toBe(`${at}/${hue.findings.length}`);
  fireEvent.click(screen.getByTestId('finding-next'));
  expect(selected.length).toBe(2);
  expect(position.textContent).toBe(`${at + 1}/${hue.findings.length}`);
  const now = container.querySelector<HTMLElement>('[aria-current="true"]')!;
  expect(now).not.toBe(f61);
  expect(document.activeElement).toBe(now);
  fireEvent.keyDown(now, { key: 'ArrowUp', altKey: true });
  expect(selected[2]).toBe('F61');
  expect(document.activeElement).toBe(f61);
  // going round: every finding once, back to the start
  const seen = new Set<string>();
  for (let i = 0; i < hue.findings.length; i++) {
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', altKey: true });
    seen.add(`${selected[selected.length - 1]}|${container.querySelector('[aria-current="true"]')!.getAttribute('data-rule')}`);
  }
  expect(seen.size).toBe(hue.findings.length);
  expect(selected[selected.length - 1]).toBe('F61');
});

test('many findings: only the groups with errors start open; Mở tất cả / Thu gọn tất cả', () => {
  const findings = many();
  expect(findings.length).toBe(121);
  const { container } = showList(findings);
  // the error groups are open, the warning and note groups closed
  expect(findingButtons(container, 'error').length).toBe(hue.findings.filter((f) => f.severity === 'error').length);
  expect(findingButtons(container, 'warning').length).toBe(0);
  expect(findingButtons(container, 'info').length).toBe(0);
  fireEvent.click(screen.getByRole('button', { name: 'Mở tất cả' }));
  expect(findingButtons(container).length).toBe(121 - 0 - Math.max(0, 92 + 11 - 50)); // each group shows 50 at first
  // the same button now folds them all
  expect(screen.queryByRole('button', { name: 'Mở tất cả' })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Thu gọn tất cả' }));
  expect(findingButtons(container).length).toBe(0);
  // next opens the group of the finding it goes to
  fireEvent.click(screen.getByTestId('finding-next'));
  expect(container.querySelectorAll('[aria-current="true"]').length).toBe(1);
  // a few findings: everything open
  cleanup();
  const few = showList(hue.findings);
  expect(findingButtons(few.container).length).toBe(hue.findings.length);
});

test('the severity filter reads as one: a label, each severity with its count; the group badges have their colour', () => {
  const { container } = showList(hue.findings);
  const filter = screen.getByRole('group', { name: 'Lọc theo mức độ' });
  expect(filter.textContent).toBe('Hiện:Lỗi (15)Cảnh báo (12)Lưu ý (2)');
  const warn = within(filter).getByRole('button', { name: 'Cảnh báo (12)' });
  expect(warn.getAttribute('aria-pressed')).toBe('true');
  fireEvent.click(warn);
  expect(warn.getAttribute('aria-pressed')).toBe('false');
  expect(findingButtons(container, 'warning').length).toBe(0);
  fireEvent.click(warn);
  // an "overdue" warning group under a warning badge, never a red one
  const overdueHeader = [...container.querySelectorAll('[data-severity]')].find((e) => e.tagName === 'SPAN' && e.textContent!.startsWith('Quá hạn'))!;
  expect(overdueHeader.getAttribute('data-severity')).toBe('warning');
});

test('the accessible name of a finding button contains its visible text', () => {
  const { container } = showList(hue.findings);
  for (const b of findingButtons(container)) {
    const visible = [...b.childNodes]
      .filter((n) => !(n instanceof HTMLElement && n.style.position === 'absolute'))
      .map((n) => n.textContent)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    const name = b.textContent!.replace(/\s+/g, ' ');
    for (const word of visible.split(' ')) expect(name).toContain(word);
    expect(b.getAttribute('aria-label')).toBeNull();
  }
});
