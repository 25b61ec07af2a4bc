/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// What the user of the Excel host sees: the first-check notice, the merged-cells hint, automatic re-checks that keep
// Ctrl+Z, and the self-test in Settings.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/ui/App';
import { createPaneStore } from '../../src/ui/store';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { FakeHost, cloneSnapshot, fixtureSnapshot, installDomPolyfills } from './fakeHost';

installDomPolyfills();

const F61_VI = 'Tổng cộng ghi 21.950 triệu đồng nhưng tổng các nhiệm vụ là 26.979 triệu đồng (chênh 5.029).';

let hue: SheetSnapshot;
beforeAll(async () => {
  hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
});
afterEach(cleanup);

function excelHost(): FakeHost {
  const host = new FakeHost(hue);
  (host as { kind: string }).kind = 'excel';
  return host;
}

async function renderPane(host: FakeHost, timing: { autoRefreshDelayMs?: number } = {}) {
  await act(async () => {
    render(<App host={host} store={createPaneStore()} today="2018-02-15" {...timing} />);
  });
}

async function click(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

test('the first check says that it coloured cells and added notes, and to clear them before sending the file; "Đã hiểu" stores that it was read', async () => {
  const host = excelHost();
  await renderPane(host);
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  await screen.findByText(F61_VI);
  expect(await screen.findByText(/trước khi gửi tệp đi, hãy bấm «Xóa đánh dấu»/)).toBeTruthy();
  await click(screen.getByRole('button', { name: 'Đã hiểu' }));
  expect(host.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ marksNoticeSeen: true }));
  await waitFor(() => expect(screen.queryByText(/trước khi gửi tệp đi/)).toBeNull());
  // read once: the next check does not say it again
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  await waitFor(() => expect(host.readActiveSheet).toHaveBeenCalledTimes(2));
  expect(screen.queryByText(/trước khi gửi tệp đi/)).toBeNull();
});

test('merged cells that could not be read: the pane says the "empty" findings in merged areas may be wrong', async () => {
  const host = excelHost();
  host.settings = { lang: 'vi', autoRefresh: false, marksNoticeSeen: true };
  host.readActiveSheet.mockImplementation(async () => ({ ...cloneSnapshot(hue), merges: undefined, limits: ['merges-unreadable'] as const }));
  await renderPane(host);
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  expect(await screen.findByText(/không cho phần bổ trợ đọc các ô đã gộp/)).toBeTruthy();
  expect(screen.getByText(/không cho phần bổ trợ đọc các ô đã gộp/).textContent).toMatch(/trang xem trước/);
});

test("an automatic re-check where Excel would wipe the user's Ctrl+Z (before ExcelApi 1.20) checks but leaves the marks, and says so", async () => {
  const host = excelHost();
  host.keepsUndo = false;
  host.settings = { lang: 'vi', autoRefresh: true, marksNoticeSeen: true };
  await renderPane(host, { autoRefreshDelayMs: 20 });
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  await screen.findByText(F61_VI);
  expect(host.applyMarks).toHaveBeenCalledTimes(1); // the user's own press marks
  await waitFor(() => expect(host.changeListeners.size).toBe(1));
  act(() => host.emitChange());
  await waitFor(() => expect(host.readActiveSheet).toHaveBeenCalledTimes(2));
  expect(await screen.findByText(/màu đánh dấu trên trang tính chưa đổi/)).toBeTruthy();
  expect(host.applyMarks).toHaveBeenCalledTimes(1);
});

test('where Excel keeps the add-in’s writes on the undo stack (ExcelApi 1.20) an automatic re-check updates the marks', async () => {
  const host = excelHost();
  host.keepsUndo = true;
  host.settings = { lang: 'vi', autoRefresh: true, marksNoticeSeen: true };
  await renderPane(host, { autoRefreshDelayMs: 20 });
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  await screen.findByText(F61_VI);
  await waitFor(() => expect(host.changeListeners.size).toBe(1));
  act(() => host.emitChange());
  await waitFor(() => expect(host.applyMarks).toHaveBeenCalledTimes(2));
});

test('Tự kiểm tra Excel in Settings: runs, shows the summary and the report, copies it', async () => {
  const host = excelHost();
  const report = 'phuluc — Tự kiểm tra Excel / Excel self-test\nExcel: Excel 16.0.1 · nền tảng / platform: PC\n[ĐẠT / passed] …';
  host.selfTest = jest.fn(async (onStep?: (d: number, t: number) => void) => {
    onStep?.(5, 10);
    return { text: report, passed: 9, failed: 1, skipped: 0 };
  });
  const writeText = jest.fn(async () => undefined);
  Object.assign(navigator, { clipboard: { writeText } });
  await renderPane(host);
  await click(screen.getByRole('tab', { name: 'Cài đặt' }));
  expect(screen.getByText(/Excel sẽ xóa lịch sử hoàn tác/)).toBeTruthy();
  await click(screen.getByRole('button', { name: 'Chạy tự kiểm tra' }));
  expect(await screen.findByText('Kết quả: 9 đạt, 1 lỗi, 0 bỏ qua.')).toBeTruthy();
  expect((screen.getByRole('textbox', { name: /Báo cáo tự kiểm tra/ }) as HTMLTextAreaElement).value).toBe(report);
  await click(screen.getByRole('button', { name: 'Sao chép báo cáo' }));
  expect(writeText).toHaveBeenCalledWith(report);
  expect(await screen.findByText('Đã sao chép báo cáo.')).toBeTruthy();
});
