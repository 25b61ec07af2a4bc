/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The pieces of the fix and ignore UI on their own: the preview's rows (a format change, text shown as text), the
// group button refused where combining is unsafe, and "Đã bỏ qua N" read-only in the browser preview.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { FixPreview } from '../../src/ui/FixPreview';
import { GroupFixActions } from '../../src/ui/FindingActions';
import { IgnoredPanel } from '../../src/ui/IgnoredPanel';
import type { Finding, FixPlan } from '../../src/core/report';
import { installDomPolyfills } from '../taskpane/fakeHost';

installDomPolyfills();
afterEach(cleanup);
const wrap = (n: ReactNode) => render(<FluentProvider theme={webLightTheme}>{n}</FluentProvider>);

const PLAN: FixPlan = {
  kind: 'number-from-text',
  description: { vi: 'Đổi F21 «2.019» thành số 2.019 (giữ định dạng ô).', en: 'Turn F21 "2.019" into the number 2,019.' },
  edits: [{ cell: 'F21', row: 21, column: 'F', before: { value: '<b>2.019</b>', numberFormat: '@' }, after: { value: 2019, numberFormat: '#,##0' } }],
};

test('the preview shows the text literally, the number the Vietnamese way, the format change; Hủy and Ghi call back', async () => {
  const onApply = jest.fn();
  const onCancel = jest.fn();
  wrap(<FixPreview plan={PLAN} lang="vi" onApply={onApply} onCancel={onCancel} />);
  const row = screen.getByTestId('fix-preview').querySelector('tr[data-cell="F21"]')!;
  expect(row.textContent).toBe('F21«<b>2.019</b>»2.019định dạng @ → #,##0');
  expect(row.querySelector('b')).toBeNull();
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Hủy' })));
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Ghi vào trang tính' })));
  expect(onCancel).toHaveBeenCalledTimes(1);
  expect(onApply).toHaveBeenCalledTimes(1);
});

test('a group whose formulas read each other\'s cells offers no "Sửa tất cả", and says why', () => {
  const f = (cell: string, formula: string): Finding => ({
    rule: 'score-rollup-mismatch', severity: 'error', cell, row: Number(cell.slice(1)), column: 'D', message: { vi: cell, en: cell },
    fix: { kind: 'score-sum-formula', description: { vi: '', en: '' }, edits: [{ cell, row: Number(cell.slice(1)), column: 'D', before: { value: 1, numberFormat: 'General' }, after: { value: 2, formula, numberFormat: 'General' } }] },
  });
  wrap(<GroupFixActions findings={[f('D7', '=SUM(D8:D10)'), f('D10', '=SUM(D11:D12)')]} lang="vi" onFix={jest.fn()} />);
  expect(screen.queryByRole('button', { name: /Sửa tất cả/ })).toBeNull();
  expect(screen.getByText(/phải sửa từng cái một/)).toBeTruthy();
});

test('"Đã bỏ qua N" without a way to change the file (the preview): listed, read-only, says where to bring them back', () => {
  const finding: Finding = { rule: 'invalid-number', severity: 'error', cell: 'F9', row: 9, column: 'F', message: { vi: 'Ô F9 ghi «Lồng ghép», không phải số.', en: 'F9 holds text.' } };
  wrap(<IgnoredPanel ignored={[{ finding, ignore: { rule: 'invalid-number', sheet: 'S', cell: 'F9', fingerprint: '0123456789abcdef' } }]} lang="vi" />);
  const panel = screen.getByTestId('ignored');
  expect(within(panel).getByText('Đã bỏ qua 1')).toBeTruthy();
  expect(within(panel).getByText('Ô F9 ghi «Lồng ghép», không phải số.')).toBeTruthy();
  expect(within(panel).queryByRole('button', { name: /Đưa lại/ })).toBeNull();
  expect(within(panel).getByText(/mở tệp trong Excel để đưa lại/)).toBeTruthy();
});
