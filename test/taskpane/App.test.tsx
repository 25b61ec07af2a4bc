/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// (ExcelJS, used to read the fixtures, needs Node's module builds, not the browser ones.)
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/ui/App';
import { createPaneStore, type PaneStore } from '../../src/ui/store';
import { MarkError, protectedMessage } from '../../src/excel/errors';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { FakeHost, cloneSnapshot, fixtureSnapshot, installDomPolyfills } from './fakeHost';

installDomPolyfills();

const F61_VI = 'Tổng cộng ghi 21.950 triệu đồng nhưng tổng các nhiệm vụ là 26.979 triệu đồng (chênh 5.029).';
const F61_EN = 'The total states 21,950 triệu đồng but the tasks add up to 26,979 triệu đồng (off by 5,029).';

let hue: SheetSnapshot;
let hagiang: SheetSnapshot;
beforeAll(async () => {
  hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
  hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
});
afterEach(cleanup);

async function renderPane(host: FakeHost, today: string, store: PaneStore = createPaneStore(), timing: { autoRefreshDelayMs?: number; ownWriteGraceMs?: number } = {}) {
  let result!: ReturnType<typeof render>;
  await act(async () => {
    result = render(<App host={host} store={store} today={today} {...timing} />);
  });
  return { store, ...result };
}

async function click(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

async function clickCheck() {
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
}

/** the finding buttons currently shown */
function findingButtons(container: HTMLElement, severity?: string): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(`button[data-rule]${severity ? `[data-severity="${severity}"]` : ''}`)];
}

describe('Huế 2018 (tasks sheet)', () => {
  test('Kiểm tra shows the F61 budget finding in Vietnamese and marks the cells', async () => {
    const host = new FakeHost(hue);
    await renderPane(host, '2018-02-15');
    expect(screen.getByText(/bấm «Kiểm tra»/)).toBeTruthy();
    await clickCheck();
    expect(await screen.findByText(F61_VI)).toBeTruthy();
    // the summary: computed vs stated, Vietnamese digit grouping, with the unit
    const budget = screen.getByRole('region', { name: /Kinh phí/ });
    expect(within(budget).getByText('26.979')).toBeTruthy();
    expect(within(budget).getAllByText('21.950').length).toBe(2); // the total row, and the amount in words
    expect(within(budget).getByText('(triệu đồng)')).toBeTruthy();
    expect(within(budget).getByText('Không khớp')).toBeTruthy();
    const deadlines = screen.getByRole('region', { name: /Thời hạn/ });
    expect(within(deadlines).getByText('Quá hạn: 12')).toBeTruthy();
    await waitFor(() => expect(host.applyMarks).toHaveBeenCalledTimes(1));
    const [marked, opts] = host.applyMarks.mock.calls[0];
    expect(marked.map((f) => f.cell)).toContain('F61');
    expect(opts).toEqual({ sheet: 'Phụ lục', lang: 'vi' });
    // the as-of date came from the pane, not the machine clock
    expect(screen.getByText(/đối chiếu ngày 15\/02\/2018/)).toBeTruthy();
  });

  test('clicking a finding selects its cell', async () => {
    const host = new FakeHost(hue);
    await renderPane(host, '2018-02-15');
    await clickCheck();
    const button = (await screen.findByText(F61_VI)).closest('button')!;
    await click(button);
    expect(host.selectCell).toHaveBeenCalledWith('F61', 'Phụ lục');
    // its accessible name is its visible text, the severity first; it stays highlighted as the current finding
    expect(button.textContent).toMatch(/^Lỗi: F61 — Tổng cộng ghi 21\.950/);
    expect(button.getAttribute('aria-label')).toBeNull();
    expect(button.getAttribute('aria-current')).toBe('true');
  });

  test('the severity filter hides warnings and shows them again', async () => {
    const host = new FakeHost(hue);
    const { container } = await renderPane(host, '2018-02-15');
    await clickCheck();
    await screen.findByText(F61_VI);
    // 12: G19 ("Năm 2017") is one finding, outside the plan year and past due (issue 7, point 13)
    expect(findingButtons(container, 'warning').length).toBe(12);
    const chip = screen.getByRole('button', { name: 'Cảnh báo (12)' });
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    await click(chip);
    expect(chip.getAttribute('aria-pressed')).toBe('false');
    expect(findingButtons(container, 'warning').length).toBe(0);
    expect(findingButtons(container, 'error').length).toBe(15);
    expect(screen.getByText(F61_VI)).toBeTruthy();
    await click(chip);
    expect(findingButtons(container, 'warning').length).toBe(12);
  });

  test('the language switch shows the pane and the findings in English, and saves the choice', async () => {
    const host = new FakeHost(hue);
    await renderPane(host, '2018-02-15');
    await clickCheck();
    await screen.findByText(F61_VI);
    fireEvent.change(screen.getByRole('combobox', { name: 'Ngôn ngữ' }), { target: { value: 'en' } });
    expect(await screen.findByText(F61_EN)).toBeTruthy();
    expect(screen.queryByText(F61_VI)).toBeNull();
    expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: /Budget/ })).getByText('26,979')).toBeTruthy();
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ lang: 'en' })));
  });

  test('a finding that quotes "<script>" shows it as text and creates no script element', async () => {
    const snapshot = cloneSnapshot(hue);
    (snapshot.values[5] as unknown[])[6] = '<script>alert(1)</script>';
    const host = new FakeHost(snapshot);
    const { container } = await renderPane(host, '2018-02-15');
    await clickCheck();
    const text = await screen.findByText(/Không đọc được thời hạn «<script>alert\(1\)<\/script>»/);
    expect(text.textContent).toContain('<script>alert(1)</script>');
    expect(container.querySelector('script')).toBeNull();
    expect(document.querySelectorAll('script').length).toBe(0);
  });
});

describe('Hà Giang 2024 (score sheet)', () => {
  test('Tính lại điểm shows "E109: 65,85 → 65,65"; Hoàn tác calls revertRecalc', async () => {
    const host = new FakeHost(hagiang);
    await renderPane(host, '2024-06-01');
    const recalc = screen.getByRole('button', { name: 'Tính lại điểm' });
    expect((recalc as HTMLButtonElement).disabled).toBe(true);
    await clickCheck();
    await screen.findByText('Tổng điểm sai');
    // score cards: total / max, percent and band
    const target = screen.getByRole('region', { name: /Mục tiêu năm 2024/ });
    expect(within(target).getByText('Xếp loại A')).toBeTruthy();
    expect(target.textContent).toContain('65,65 / 68');
    expect(target.textContent).toContain('96,5 %');
    await waitFor(() => expect((recalc as HTMLButtonElement).disabled).toBe(false));
    await click(recalc);
    expect(await screen.findByText('E109: 65,85 → 65,65')).toBeTruthy();
    expect(screen.getByText('D109: 60,58 → 60,59')).toBeTruthy();
    const [plan, sheet] = host.applyRecalc.mock.calls[0];
    expect(sheet).toBe('Phụ lục');
    expect(plan.find((c) => c.cell === 'E109')).toMatchObject({ current: 65.85, computed: 65.65 });
    // the sheet is checked again after writing, so report and marks follow the sheet
    await waitFor(() => expect(host.readActiveSheet).toHaveBeenCalledTimes(2));

    const undo = await screen.findByRole('button', { name: 'Hoàn tác' });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));
    await click(undo);
    await waitFor(() => expect(host.revertRecalc).toHaveBeenCalledTimes(1));
    expect(host.revertRecalc).toHaveBeenCalledWith('Phụ lục');
    expect(await screen.findByText('Đã khôi phục 2 ô về giá trị cũ.')).toBeTruthy();
    expect(screen.queryByText('E109: 65,85 → 65,65')).toBeNull();
  });

  test('points lost are listed and go to their cell', async () => {
    const host = new FakeHost(hagiang);
    await renderPane(host, '2024-06-01');
    await clickCheck();
    const section = await screen.findByRole('region', { name: 'Điểm bị mất nhiều nhất' });
    const first = within(section).getAllByRole('button')[0];
    expect(first.textContent).toContain('Sáng kiến trong cải cách hành chính');
    expect(first.textContent).toContain('mất 1,00 (đạt 1,00/2)');
    await click(first);
    expect(host.selectCell).toHaveBeenCalledWith('D14', 'Phụ lục');
  });
});

describe('errors from the host', () => {
  test('a failed read shows a MessageBar; the pane stays usable', async () => {
    const host = new FakeHost(hue);
    host.readActiveSheet.mockRejectedValueOnce(Object.assign(new Error('boom'), { code: 'GeneralException' }));
    await renderPane(host, '2018-02-15');
    await clickCheck();
    // what to do, in Vietnamese; Excel's own words folded under "Chi tiết kỹ thuật"
    expect(await screen.findByText(/Đã xảy ra lỗi không mong muốn/)).toBeTruthy();
    expect(screen.getByText('Có lỗi')).toBeTruthy();
    expect(screen.getByText('Chi tiết kỹ thuật').tagName).toBe('SUMMARY');
    expect(screen.getByText('GeneralException — boom')).toBeTruthy();
    // the next try works and the message goes away
    await clickCheck();
    expect(await screen.findByText(F61_VI)).toBeTruthy();
    expect(screen.queryByText(/Đã xảy ra lỗi không mong muốn/)).toBeNull();
  });

  test('a protected sheet: the report is shown, the adapter\'s message explains why nothing was marked', async () => {
    const host = new FakeHost(hue);
    const [vi, en] = protectedMessage('Phụ lục');
    host.applyMarks.mockRejectedValueOnce(new MarkError('protected', vi, en));
    await renderPane(host, '2018-02-15');
    await clickCheck();
    expect(await screen.findByText(F61_VI)).toBeTruthy();
    const bar = await screen.findByText(/đang được bảo vệ/);
    expect(bar.textContent).toContain('Đã kiểm tra xong nhưng chưa đánh dấu được trên trang tính.');
    expect(bar.textContent).toContain(vi);
    await click(screen.getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByText(/đang được bảo vệ/)).toBeNull();
  });

  test('settings that cannot be loaded fall back to defaults with a warning', async () => {
    const host = new FakeHost(hue);
    host.loadSettings.mockRejectedValueOnce(new Error('no settings'));
    await renderPane(host, '2018-02-15');
    expect(await screen.findByText(/Không đọc\/lưu được cài đặt/)).toBeTruthy();
    await clickCheck();
    expect(await screen.findByText(F61_VI)).toBeTruthy();
  });
});

describe('clear marks, report sheet, settings', () => {
  test('Xóa đánh dấu clears and says how many cells', async () => {
    const host = new FakeHost(hue);
    await renderPane(host, '2018-02-15');
    await click(screen.getByRole('button', { name: 'Xóa đánh dấu' }));
    expect(await screen.findByText('Đã xóa đánh dấu (3 ô).')).toBeTruthy();
    expect(host.clearMarks).toHaveBeenCalledTimes(1);
  });

  test('Báo cáo writes the report sheet through the host', async () => {
    const host = new FakeHost(hue);
    await renderPane(host, '2018-02-15');
    const button = screen.getByRole('button', { name: 'Tạo trang kết quả' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    await clickCheck();
    await screen.findByText(F61_VI);
    await waitFor(() => expect(button.disabled).toBe(false));
    await click(button);
    expect(await screen.findByText('Đã tạo trang tính «Phuluc – Báo cáo» liệt kê kết quả kiểm tra.')).toBeTruthy();
    expect(host.writeReportSheet.mock.calls[0][0].sheet).toBe('Phụ lục');
    expect(host.writeReportSheet.mock.calls[0][1]).toBe('vi');
  });

  test('no Báo cáo button when the host cannot write sheets', async () => {
    const host = new FakeHost(hue);
    (host as { writeReportSheet?: unknown }).writeReportSheet = undefined;
    await renderPane(host, '2018-02-15');
    expect(screen.queryByRole('button', { name: 'Tạo trang kết quả' })).toBeNull();
  });

  test('saved settings reach the engine: an as-of date and a mandatory column', async () => {
    const host = new FakeHost(hue);
    await renderPane(host, '2018-02-15');
    await clickCheck();
    await screen.findByText(F61_VI);
    expect(screen.getByText('Quá hạn: 12')).toBeTruthy();
    await click(screen.getByRole('tab', { name: 'Cài đặt' }));
    fireEvent.change(screen.getByLabelText('Ngày đối chiếu thời hạn'), { target: { value: '2017-01-01' } });
    const year = screen.getByLabelText('Năm kế hoạch');
    fireEvent.change(year, { target: { value: '20' } });
    expect(screen.getByText('Năm phải là số nguyên từ 1990 đến 2100.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Lưu cài đặt' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(year, { target: { value: '' } });
    await click(screen.getByRole('checkbox', { name: 'Tình trạng' }));
    await click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalled());
    const saved = host.saveSettings.mock.calls[0][0];
    expect(saved.asOf).toBe('2017-01-01');
    expect(saved.planYear).toBeUndefined();
    expect(saved.required).toEqual(['content', 'product', 'leadAgency', 'deadline', 'status']);
    // the sheet is checked again with the new settings
    await waitFor(() => expect(host.readActiveSheet).toHaveBeenCalledTimes(2));
    await click(screen.getByRole('tab', { name: 'Kết quả' }));
    expect(await screen.findByText(/đối chiếu ngày 01\/01\/2017/)).toBeTruthy();
    expect(screen.queryByText('Quá hạn: 12')).toBeNull();
    expect(await screen.findByText('Thiếu cột bắt buộc')).toBeTruthy(); // the sheet has no status column
  });
});

describe('auto refresh', () => {
  test('an edit re-checks after the quiet period; Hủy cancels; turning it off unsubscribes', async () => {
    const host = new FakeHost(hue);
    host.settings = { lang: 'vi', autoRefresh: true };
    await renderPane(host, '2018-02-15', createPaneStore(), { autoRefreshDelayMs: 40, ownWriteGraceMs: 0 });
    // nothing to refresh before the first check
    await waitFor(() => expect(host.loadSettings).toHaveBeenCalled());
    expect(host.onSheetChanged).not.toHaveBeenCalled();
    await clickCheck();
    await screen.findByText(F61_VI);
    await waitFor(() => expect(host.changeListeners.size).toBe(1));

    act(() => host.emitChange());
    act(() => host.emitChange()); // debounced: two edits, one check
    expect(screen.getByText(/Trang tính vừa thay đổi/)).toBeTruthy();
    await waitFor(() => expect(host.readActiveSheet).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 80));
    expect(host.readActiveSheet).toHaveBeenCalledTimes(2);

    act(() => host.emitChange());
    await click(screen.getByRole('button', { name: 'Hủy' }));
    await new Promise((r) => setTimeout(r, 80));
    expect(host.readActiveSheet).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(/Trang tính vừa thay đổi/)).toBeNull();

    await click(screen.getByRole('tab', { name: 'Cài đặt' }));
    await click(screen.getByRole('switch', { name: 'Tự kiểm tra lại khi trang tính thay đổi' }));
    await waitFor(() => expect(host.changeListeners.size).toBe(0));
    expect(host.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ autoRefresh: false }));
  });

  test('when the host cannot follow sheet changes, the pane says so instead of staying silent', async () => {
    const host = new FakeHost(hue);
    host.settings = { lang: 'vi', autoRefresh: true };
    host.onSheetChanged.mockImplementation((_cb: () => void, onError?: (e: unknown) => void) => {
      setTimeout(() => onError?.(new Error('events unavailable')), 0);
      return () => undefined;
    });
    await renderPane(host, '2018-02-15', createPaneStore(), { autoRefreshDelayMs: 20, ownWriteGraceMs: 0 });
    await clickCheck();
    expect(await screen.findByText(/Không theo dõi được thay đổi của trang/)).toBeTruthy();
    expect(screen.getByText(/events unavailable/)).toBeTruthy();
  });

  test('a change event right after our own operation is taken as its echo, not as an edit', async () => {
    const host = new FakeHost(hue);
    host.settings = { lang: 'vi', autoRefresh: true };
    await renderPane(host, '2018-02-15', createPaneStore(), { autoRefreshDelayMs: 20, ownWriteGraceMs: 1500 });
    await clickCheck();
    await screen.findByText(F61_VI);
    await waitFor(() => expect(host.changeListeners.size).toBe(1));
    act(() => host.emitChange()); // e.g. Excel reporting the marks we just wrote
    expect(screen.queryByText(/Trang tính vừa thay đổi/)).toBeNull();
    await new Promise((r) => setTimeout(r, 1600));
    act(() => host.emitChange()); // a real edit, later
    await waitFor(() => expect(host.readActiveSheet).toHaveBeenCalledTimes(2));
  });
});
