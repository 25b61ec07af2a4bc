/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The pane over the real Excel host and the truthful fake: "Sửa…" previews exactly the cells a fix writes, "Ghi vào
// trang tính" writes them and checks again, "Đã sửa" lists them and "Hoàn tác" gives the sheet back exactly;
// protected and changed sheets are refused with Excel's own words; "Bỏ qua" / "Đã bỏ qua N" / "Đưa lại".
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/ui/App';
import { createPaneStore } from '../../src/ui/store';
import { createExcelHost } from '../../src/taskpane/excelHost';
import { IGNORES_KEY } from '../../src/core/ignores';
import type { FakeExcel } from '../excel/fakeExcel';
import { dumpSheet, fixtureBook } from '../excel/fixtureBook';
import { installDomPolyfills } from './fakeHost';

installDomPolyfills();
afterEach(cleanup);
// each step reads, checks and marks the whole Huế sheet through the fake's proxies in jsdom: slow on a busy machine,
// so the scenarios get generous time (nothing here depends on speed)
jest.setTimeout(180_000);

const SHEET = 'Phụ lục';
const F61_VI = 'Tổng cộng ghi 21.950 triệu đồng nhưng tổng các nhiệm vụ là 26.979 triệu đồng (chênh 5.029).';

async function open(): Promise<{ x: FakeExcel }> {
  const x = await fixtureBook('hue-2018-nhiem-vu.xlsx');
  x.settings.set('phuluc.check', JSON.stringify(JSON.stringify({ v: 1, lang: 'vi', marksNoticeSeen: true })));
  const host = createExcelHost({ run: x.run, isSetSupported: x.isSetSupported });
  await act(async () => {
    render(<App host={host} store={createPaneStore()} today="2018-02-15" />);
  });
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  await screen.findByText(F61_VI);
  return { x };
}

async function click(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

const value = (x: FakeExcel, a: string) => ({ ...x.sheet(SHEET)!.cell(a) });
const idle = () => waitFor(() => expect(screen.getByRole('button', { name: 'Kiểm tra' }).hasAttribute('disabled')).toBe(false));

test('fix F21 then F61: each previewed, written, listed, checked again; Hoàn tác twice restores the sheet exactly', async () => {
  const { x } = await open();
  const original = dumpSheet(x, SHEET);
  // marks are not part of what a fix changes: compare contents only (the dump leaves fills out)

  await click(screen.getByRole('button', { name: 'Xem trước cách sửa ô F21' }));
  const preview = screen.getByTestId('fix-preview');
  const row = within(preview).getByText('F21').closest('tr')!;
  expect(row.textContent).toBe('F21«2.019»2.019');
  expect(value(x, 'F21').value).toBe('2.019'); // a preview writes nothing
  await click(within(preview).getByRole('button', { name: 'Ghi vào trang tính' }));
  await idle();
  expect(value(x, 'F21').value).toBe(2019);
  expect(await screen.findByText('Đã sửa: ghi 1 ô (F21). Đã kiểm tra lại trang.')).toBeTruthy();
  expect(within(screen.getByTestId('fixes')).getByText('F21: «2.019» → 2.019')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Xem trước cách sửa ô F21' })).toBeNull();

  await click(screen.getByRole('button', { name: 'Xem trước cách sửa ô F61' }));
  const p2 = screen.getByTestId('fix-preview');
  expect(within(p2).getByText('F61').closest('tr')!.textContent).toBe('F61«21.950»=SUM(F6:F59) (kết quả 26.979)');
  await click(within(p2).getByRole('button', { name: 'Ghi vào trang tính' }));
  await idle();
  expect(value(x, 'F61')).toMatchObject({ formula: '=SUM(F6:F59)', value: 26979 });
  await waitFor(() => expect(screen.queryByText(F61_VI)).toBeNull());
  const fixes = screen.getByTestId('fixes');
  expect(within(fixes).getByText('F61: «21.950» → =SUM(F6:F59)')).toBeTruthy();
  expect(within(fixes).getByText(/2 lần sửa chưa hoàn tác/)).toBeTruthy();

  await click(screen.getByRole('button', { name: 'Hoàn tác lần sửa gần nhất' }));
  await idle();
  expect(await screen.findByText(/Đã hoàn tác lần sửa: khôi phục 1 ô \(F61\)/)).toBeTruthy();
  await screen.findByText(F61_VI);
  await click(screen.getByRole('button', { name: 'Hoàn tác lần sửa gần nhất' }));
  await idle();
  await waitFor(() => expect(screen.queryByTestId('fixes')).toBeNull());
  expect(dumpSheet(x, SHEET)).toEqual(original);
  expect([...x.settings.keys()].filter((k) => k.startsWith('phuluc.fix'))).toEqual([]);
});

test('"Sửa tất cả loại này" previews every cell of the group and writes them in one batch', async () => {
  const { x } = await open();
  // on Huế the total's SUM and the conversions are separate groups; the number-as-text group has one plan (F21)
  expect(screen.queryByRole('button', { name: /Sửa tất cả loại này/ })).toBeNull();
  x.sheet(SHEET)!.mutable(9, 6).value = '300';
  x.sheet(SHEET)!.mutable(10, 6).value = '2.000';
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  await idle();
  await click(await screen.findByRole('button', { name: 'Sửa tất cả loại này (3)…' }));
  const preview = screen.getByTestId('fix-preview');
  expect(within(preview).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-cell'))).toEqual(['F9', 'F10', 'F21']);
  await click(within(preview).getByRole('button', { name: 'Ghi vào trang tính' }));
  await idle();
  expect([value(x, 'F9').value, value(x, 'F10').value, value(x, 'F21').value]).toEqual([300, 2000, 2019]);
  expect(await screen.findByText('Đã sửa: ghi 3 ô (F9, F10, F21). Đã kiểm tra lại trang.')).toBeTruthy();
});

test('a protected sheet: the pane says how to unprotect it and nothing is written', async () => {
  const { x } = await open();
  const before = dumpSheet(x, SHEET);
  x.sheet(SHEET)!.protected = true;
  await click(screen.getByRole('button', { name: 'Xem trước cách sửa ô F61' }));
  await click(within(screen.getByTestId('fix-preview')).getByRole('button', { name: 'Ghi vào trang tính' }));
  expect(await screen.findByText(/Trang tính «Phụ lục» đang được bảo vệ\. Hãy bỏ bảo vệ \(Xem lại › Bỏ bảo vệ Trang tính\) rồi thử lại\. Chưa ghi gì vào trang tính\./)).toBeTruthy();
  expect(dumpSheet(x, SHEET)).toEqual(before);
});

test('the sheet changed since the check: nothing written, the pane says to check again', async () => {
  const { x } = await open();
  x.userEdit(SHEET, 'F21', '2.020');
  const before = dumpSheet(x, SHEET);
  await click(screen.getByRole('button', { name: 'Xem trước cách sửa ô F61' }));
  await click(within(screen.getByTestId('fix-preview')).getByRole('button', { name: 'Ghi vào trang tính' }));
  expect(await screen.findByText(/Trang tính đã thay đổi sau lần kiểm tra \(ô F21\); hãy bấm «Kiểm tra» lại rồi thử lại\. Chưa ghi gì vào trang tính\./)).toBeTruthy();
  expect(dumpSheet(x, SHEET)).toEqual(before);
});

test('Bỏ qua: the finding leaves the list, "Đã bỏ qua 1" holds it, the workbook stores it; Đưa lại brings it back', async () => {
  const { x } = await open();
  const overdueG8 = () => screen.queryAllByRole('button', { name: /G8 — Quá hạn/ });
  expect(overdueG8()).toHaveLength(1);
  // G8 says what G6, G9, G11… say: one line with a button per cell; "Xem từng ô" shows each with its own actions
  const cluster = overdueG8()[0].closest('[data-cluster]') as HTMLElement;
  await click(within(cluster).getByRole('button', { name: 'Xem từng ô' }));
  await click(screen.getByRole('button', { name: 'Bỏ qua phát hiện này ở ô G8' }));
  await idle();
  expect(await screen.findByText(/Đã bỏ qua phát hiện ở ô G8; lưu trong tệp/)).toBeTruthy();
  expect(overdueG8()).toHaveLength(0);
  const panel = screen.getByTestId('ignored');
  expect(within(panel).getByText('Đã bỏ qua 1')).toBeTruthy();
  const stored = JSON.parse(JSON.parse(x.settings.get(IGNORES_KEY)!));
  expect(stored).toMatchObject({ v: 1, items: [{ rule: 'deadline-overdue', sheet: SHEET, cell: 'G8', at: '2018-02-15' }] });
  // an ignore is no write into the sheet: its content and Ctrl+Z are untouched
  expect(x.undo.clears).toEqual([]);

  await click(within(panel).getByRole('button', { name: 'Đưa lại phát hiện ở ô G8' }));
  await idle();
  expect(await screen.findByText('Đã đưa lại 1 phát hiện.')).toBeTruthy();
  expect(overdueG8()).toHaveLength(1);
  expect(screen.queryByTestId('ignored')).toBeNull();
  expect(x.settings.has(IGNORES_KEY)).toBe(false);
});

test('an ignored cell that changes: the finding comes back and the ignore is listed as no longer matching', async () => {
  const { x } = await open();
  await click(screen.getByRole('button', { name: 'Bỏ qua phát hiện này ở ô F21' }));
  await idle();
  expect(screen.queryAllByRole('button', { name: /F21 — Số «2\.019»/ })).toHaveLength(0);
  x.userEdit(SHEET, 'F21', '2.109');
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  await idle();
  expect(await screen.findAllByRole('button', { name: /F21 — Số «2\.109»/ })).toHaveLength(1);
  const panel = screen.getByTestId('ignored');
  expect(within(panel).getByText(/1 mục bỏ qua không còn khớp/)).toBeTruthy();
  await click(within(panel).getByRole('button', { name: 'Xóa các mục không còn khớp' }));
  await idle();
  expect(await screen.findByText('Đã xóa 1 mục bỏ qua không còn khớp.')).toBeTruthy();
  expect(x.settings.has(IGNORES_KEY)).toBe(false);
});

test('an ignore survives renaming the sheet: still hidden after Kiểm tra, and stored under the new name at the next change', async () => {
  const { x } = await open();
  await click(screen.getByRole('button', { name: 'Bỏ qua phát hiện này ở ô F21' }));
  await idle();
  x.renameSheet(SHEET, 'Phụ lục 2018');
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  await idle();
  expect(await screen.findByText(F61_VI)).toBeTruthy(); // the sheet was checked again
  expect(screen.queryAllByRole('button', { name: /F21 — Số «2\.019»/ })).toHaveLength(0);
  const panel = screen.getByTestId('ignored');
  expect(within(panel).getByText('Đã bỏ qua 1')).toBeTruthy();
  expect(within(panel).queryByText(/không còn khớp/)).toBeNull();
  // the check wrote nothing to the list; bringing it back removes it under the new name
  await click(within(panel).getByRole('button', { name: 'Đưa lại phát hiện ở ô F21' }));
  await idle();
  expect(await screen.findAllByRole('button', { name: /F21 — Số «2\.019»/ })).toHaveLength(1);
  expect(x.settings.has(IGNORES_KEY)).toBe(false);
});
