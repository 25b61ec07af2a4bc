/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The pane's PAR-Index scoring: both maxima, bonus and penalty, evidence, the appraisal cuts with "Tạo bảng giải
// trình", and the "So sánh" tab comparing two sheets of the workbook.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/ui/App';
import { createPaneStore } from '../../src/ui/store';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { editSnapshot } from '../helpers';
import { appraisalFile, appraisedSheet, selfSheet } from '../hagiangVariants';
import { FakeHost, fixtureSnapshot, installDomPolyfills } from './fakeHost';

installDomPolyfills();

let hagiang: SheetSnapshot;
beforeAll(async () => {
  hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
});
afterEach(cleanup);

async function renderPane(host: FakeHost, lang: 'vi' | 'en' = 'vi') {
  host.settings = { ...host.settings, lang };
  const store = createPaneStore();
  await act(async () => {
    render(<App host={host} store={store} today="2024-06-01" />);
  });
  return store;
}

async function click(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

test('the score card shows the applicable and the full maximum, and what does not apply', async () => {
  const host = new FakeHost(selfSheet(hagiang, { D33: 'Không áp dụng', D35: 'KAD', D31: 1.75, D25: 11.05, D109: 59.34 }));
  await renderPane(host);
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  const card = await screen.findByRole('region', { name: /Điểm tự đánh giá \(D\)/ });
  expect(card.textContent).toContain('59,34 / 66,75 (88,9 %)');
  expect(within(card).getByText('Tối đa của bộ tiêu chí').nextSibling!.textContent).toBe('68');
  expect(within(card).getByText('Không áp dụng').nextSibling!.textContent).toBe('3.3.2, 3.3.4');
});

test('the evidence card counts the criteria claiming points without evidence', async () => {
  const host = new FakeHost(selfSheet(hagiang, { F13: null, F85: 'Chưa có' }));
  await renderPane(host);
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  const card = await screen.findByRole('region', { name: /Tài liệu kiểm chứng/ });
  expect(within(card).getByText('Thiếu TLKC và giải trình').nextSibling!.textContent).toBe('1');
  expect(within(card).getByText('Đủ điểm, TLKC ghi «không có»').nextSibling!.textContent).toBe('1');
});

test('a sheet with self and appraisal columns: the cuts, largest first; Tạo bảng giải trình writes the sheet', async () => {
  const host = new FakeHost(appraisedSheet(hagiang));
  await renderPane(host);
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  const panel = await screen.findByRole('region', { name: 'Thẩm định so với tự đánh giá' });
  expect(panel.textContent).toContain('Tổng điểm bị trừ: 0,85');
  const cuts = within(panel).getAllByRole('listitem').map((li) => li.textContent);
  expect(cuts[0]).toBe('1.5. Sáng kiến trong cải cách hành chính1,00 → 0,50 (−0,50)');
  expect(cuts[1]).toContain('7.3.5.');
  expect(cuts[2]).toContain('3.2.3.');
  expect(cuts[2]).toContain('0,86 → 0,80 (−0,06)');
  expect(within(panel).getByText('Điểm thẩm định cao hơn tự đánh giá')).toBeTruthy();
  await click(within(panel).getByRole('button', { name: /^1\.5\./ }));
  expect(host.selectCell).toHaveBeenLastCalledWith('E14', 'Phụ lục');
  await click(within(panel).getByRole('button', { name: 'Tạo bảng giải trình' }));
  expect(await screen.findByText('Đã tạo trang tính «Bảng giải trình».')).toBeTruthy();
  const [diff, lang] = host.writeExplanationSheet.mock.calls[0];
  expect(lang).toBe('vi');
  expect(diff.explanation.map((r) => r.code)).toEqual(['1.5', '3.2.3', '7.3.5']);
});

test('So sánh: two sheets of the workbook, matched by code; the explanation table from the comparison', async () => {
  const self = { ...selfSheet(hagiang), name: 'Tự đánh giá' };
  const host = new FakeHost(self);
  host.others = [{ ...appraisalFile(hagiang), name: 'Kết quả thẩm định' }];
  await renderPane(host);
  await click(screen.getByRole('tab', { name: 'So sánh' }));
  const apprSelect = (await screen.findByLabelText('Trang tính thẩm định')) as HTMLSelectElement;
  await waitFor(() => expect(apprSelect.value).toBe('Kết quả thẩm định'));
  expect((screen.getByLabelText('Trang tính tự đánh giá') as HTMLSelectElement).value).toBe('Tự đánh giá');
  await click(screen.getByRole('button', { name: 'So sánh' }));
  const panel = await screen.findByRole('region', { name: 'So sánh hai trang tính' });
  expect(panel.textContent).toContain('Tổng điểm bị trừ: 0,00');
  expect(within(panel).getByText('Chỉ có ở trang tính thẩm định')).toBeTruthy();
  expect(panel.textContent).toContain('Ứng dụng công nghệ thông tin trong công tác CCHC');
  expect(panel.textContent).toMatch(/5\.4\. Chấp hành kỷ luật.*: 1,5 ≠ 1/);
  await click(within(panel).getByRole('button', { name: /Ứng dụng công nghệ thông tin/ }));
  expect(host.selectCell).toHaveBeenLastCalledWith('D17', 'Kết quả thẩm định');
  await click(within(panel).getByRole('button', { name: 'Tạo bảng giải trình' }));
  await waitFor(() => expect(host.writeExplanationSheet).toHaveBeenCalledTimes(1));
  expect(host.writeExplanationSheet.mock.calls[0][0].explanation.map((r) => r.code)).toEqual(['1.5']);
});

test('So sánh refuses a sheet without scores, and two times the same sheet', async () => {
  const host = new FakeHost({ ...selfSheet(hagiang), name: 'Tự đánh giá' });
  host.others = [{ name: 'Ghi chú', values: [['Không có bảng điểm ở đây']] }];
  await renderPane(host, 'en');
  await click(screen.getByRole('tab', { name: 'Compare' }));
  const apprSelect = (await screen.findByLabelText('Appraisal sheet')) as HTMLSelectElement;
  await waitFor(() => expect(apprSelect.value).toBe('Ghi chú'));
  await click(screen.getByRole('button', { name: 'Compare' }));
  expect(await screen.findByText('Sheet “Ghi chú” holds no score table (maximum, self-assessed, appraised columns).')).toBeTruthy();
  fireEvent.change(apprSelect, { target: { value: 'Tự đánh giá' } });
  await click(screen.getByRole('button', { name: 'Compare' }));
  expect(await screen.findByText('Choose two different sheets.')).toBeTruthy();
});

test('no So sánh tab when the host cannot read other sheets', async () => {
  const host = new FakeHost(editSnapshot(hagiang, {}));
  (host as { listSheets?: unknown }).listSheets = undefined;
  await renderPane(host);
  expect(screen.queryByRole('tab', { name: 'So sánh' })).toBeNull();
});
