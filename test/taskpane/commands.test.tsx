/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The ribbon functions run the pane's actions on the pane's store: a check from the ribbon is what the pane shows.
import { act, cleanup, render, screen } from '@testing-library/react';
import { registerRibbonCommands, ribbonHandlers, setCommandHost, RIBBON_FUNCTIONS } from '../../src/commands/commands';
import { App } from '../../src/ui/App';
import { createPaneStore } from '../../src/ui/store';
import { FakeHost, fixtureSnapshot, installDomPolyfills } from './fakeHost';
import type { SheetSnapshot } from '../../src/core/snapshot';

installDomPolyfills();

let hue: SheetSnapshot;
let hagiang: SheetSnapshot;
beforeAll(async () => {
  hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
  hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
});
afterEach(() => {
  cleanup();
  setCommandHost(undefined);
  delete (globalThis as { Office?: unknown }).Office;
});

const event = () => ({ completed: jest.fn() });

test('checkActiveSheet reads, checks and marks; the pane opened afterwards shows that report', async () => {
  const host = new FakeHost(hue);
  const store = createPaneStore();
  setCommandHost(host, store);
  const e = event();
  await ribbonHandlers.checkActiveSheet(e);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(host.applyMarks).toHaveBeenCalledTimes(1);
  const report = store.get().report!;
  expect(report.findings.some((f) => f.rule === 'budget-total-mismatch' && f.cell === 'F61')).toBe(true);
  expect(store.get().busy).toBeUndefined();

  await act(async () => {
    render(<App host={host} store={store} />);
  });
  expect(screen.getByText('Tổng cộng ghi 21.950 triệu đồng nhưng tổng các nhiệm vụ là 26.979 triệu đồng (chênh 5.029).')).toBeTruthy();
  expect(host.readActiveSheet).toHaveBeenCalledTimes(1); // the pane did not read again
});

test('recalcScores checks the sheet first, then writes the plan', async () => {
  const host = new FakeHost(hagiang);
  const store = createPaneStore();
  setCommandHost(host, store);
  const e = event();
  await ribbonHandlers.recalcScores(e);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(host.applyRecalc).toHaveBeenCalledTimes(1);
  expect(host.readActiveSheet.mock.invocationCallOrder[0]).toBeLessThan(host.applyRecalc.mock.invocationCallOrder[0]);
  expect(store.get().recalc?.changed).toContainEqual({ cell: 'E109', before: 65.85, after: 65.65 });
});

test('recalcScores with the pane closed: Excel has no notification for add-ins, so the pane is shown and says what was written', async () => {
  const host = new FakeHost(hagiang);
  const store = createPaneStore();
  setCommandHost(host, store);
  const showAsTaskpane = jest.fn(async () => undefined);
  (globalThis as { Office?: unknown }).Office = { addin: { showAsTaskpane } };
  await ribbonHandlers.recalcScores(event());
  expect(showAsTaskpane).toHaveBeenCalledTimes(1);
  const notice = store.get().notice!;
  expect(notice.intent).toBe('success');
  expect(notice.text.vi).toBe(
    'Nút «Tính lại điểm» trên thanh công cụ đã ghi 2 ô vào trang tính (D109, E109); bấm «Hoàn tác» trong mục «Tính lại điểm» để trả lại giá trị cũ.',
  );
  // the pane, opened now or later, shows that message at its top and the cells written with the undo button
  await act(async () => {
    render(<App host={host} store={store} />);
  });
  const status = document.querySelector('[aria-live="polite"]')!;
  expect(status.textContent).toContain('đã ghi 2 ô vào trang tính (D109, E109)');
  expect(screen.getByTestId('recalc-written').textContent).toContain('E109: 65,85 → 65,65');
  expect(screen.getByRole('button', { name: 'Hoàn tác' })).toBeTruthy();
});

test('clearMarks clears through the host', async () => {
  const host = new FakeHost(hue);
  const store = createPaneStore();
  setCommandHost(host, store);
  const e = event();
  await ribbonHandlers.clearMarks(e);
  expect(host.clearMarks).toHaveBeenCalledTimes(1);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(store.get().notice?.text.vi).toBe('Đã xóa đánh dấu (3 ô).');
});

test('an error still completes the event, is kept for the pane, and asks Office to show the pane', async () => {
  const host = new FakeHost(hue);
  host.readActiveSheet.mockRejectedValueOnce(Object.assign(new Error('denied'), { code: 'AccessDenied' }));
  const store = createPaneStore();
  setCommandHost(host, store);
  const showAsTaskpane = jest.fn(async () => undefined);
  (globalThis as { Office?: unknown }).Office = { addin: { showAsTaskpane } };
  const e = event();
  await ribbonHandlers.checkActiveSheet(e);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(store.get().error?.text.vi).toMatch(/^Excel không cho phép thao tác này/);
  expect(showAsTaskpane).toHaveBeenCalledTimes(1);
});

test('settings that cannot be read: the command runs with the defaults', async () => {
  const host = new FakeHost(hue);
  host.loadSettings.mockRejectedValueOnce(new Error('no bag'));
  const store = createPaneStore();
  setCommandHost(host, store);
  const e = event();
  await ribbonHandlers.checkActiveSheet(e);
  expect(e.completed).toHaveBeenCalledTimes(1);
  expect(store.get().report).toBeDefined();
  expect(host.applyMarks.mock.calls[0][1].lang).toBe('vi');
});

test('registration: nothing without Office; every manifest function with Office.actions', () => {
  expect(registerRibbonCommands()).toBe(false);
  const associate = jest.fn();
  (globalThis as { Office?: unknown }).Office = { actions: { associate } };
  expect(registerRibbonCommands()).toBe(true);
  expect(associate.mock.calls.map((c) => c[0])).toEqual([...RIBBON_FUNCTIONS]);
  for (const [, fn] of associate.mock.calls) expect(typeof fn).toBe('function');
});
