/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The **Tổng hợp** tab (issue 12): its rows are the CLI's --summary rows (src/core/summary.ts), sortable by any
 * column from the keyboard, a file's name opens it; the file tabs carry words for their badges; the grid moves its
 * active cell with the arrow keys (role=grid, roving tabindex).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { File as NodeFile } from 'buffer';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PreviewApp } from '../../src/preview/PreviewApp';
import { OVERVIEW, PreviewController, type FileEntry } from '../../src/preview/controller';
import { overviewRows, sortRows } from '../../src/preview/overview';
import { Grid } from '../../src/preview/Grid';
import { gridLayout } from '../../src/preview/format';
import type { SheetView } from '../../src/preview/protocol';
import type { RowSource } from '../../src/preview/rows';
import { check } from '../../src/core/check';
import { fileSummaries } from '../../src/core/summary';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { fixtureSnapshot } from '../helpers';
import { selfSheet } from '../hagiangVariants';
import { InProcessWorker, stubBrowserApis } from './harness';

stubBrowserApis();

afterEach(cleanup);

const FIXTURES = path.join(__dirname, '..', 'fixtures');

async function entries(): Promise<FileEntry[]> {
  const hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
  const hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
  const opts = { asOf: '2018-02-15' };
  const entry = (id: string, name: string, snaps: SheetSnapshot[]): FileEntry => ({
    id,
    name,
    size: 1,
    status: 'ready',
    sheets: snaps.map((s) => ({ meta: { name: s.name, merges: [], layout: { rows: 1, cols: 1, colWidths: [44] } }, report: check(s, opts) })),
  });
  return [
    entry('f1', 'b-hagiang.xlsx', [selfSheet(hagiang)]),
    entry('f2', 'a-hue.xlsx', [hue]),
    { id: 'f3', name: 'hong.xlsx', size: 1, status: 'error', error: { vi: 'Tệp bị hỏng.', en: 'Damaged.' } },
    { id: 'f4', name: 'dang-doc.xlsx', size: 1, status: 'loading' },
    entry('f5', 'c-hagiang.xlsx', [selfSheet(hagiang, { D14: 2, D7: 8.83, D109: 61.59 })]),
  ];
}

describe('overviewRows', () => {
  it('are the CLI’s summary rows for the files read, ranked among them; a file still loading has none yet', async () => {
    const files = await entries();
    const rows = overviewRows(files, 'vi');
    expect(rows.map((r) => [r.name, r.summary?.status ?? r.state])).toEqual([
      ['b-hagiang.xlsx', 'ok'],
      ['a-hue.xlsx', 'ok'],
      ['hong.xlsx', 'unreadable'],
      ['dang-doc.xlsx', 'loading'],
      ['c-hagiang.xlsx', 'ok'],
    ]);
    // the same rows as the CLI's --summary over the same reports
    const cli = fileSummaries(files.filter((f) => f.status !== 'loading').map((f) => ({ file: f.name, sheets: (f.sheets ?? []).map((s) => s.report), ...(f.error ? { error: f.error.vi } : {}) })));
    expect(rows.filter((r) => r.summary).map((r) => r.summary)).toEqual(cli);
    expect(rows[0].summary!.scores[0]).toMatchObject({ key: 'self', rank: 2, of: 2 });
    expect(rows[4].summary!.scores[0]).toMatchObject({ rank: 1, of: 2 });
    expect(rows[2].summary!.message).toBe('Tệp bị hỏng.');
  });

  it('sort by any column, stable; what has no value (a file not read, still loading) goes last both ways', async () => {
    const rows = overviewRows(await entries(), 'vi');
    const names = (key: Parameters<typeof sortRows>[1], dir: Parameters<typeof sortRows>[2]) => sortRows(rows, key, dir).map((r) => r.name);
    expect(names('file', 'ascending')).toEqual(['a-hue.xlsx', 'b-hagiang.xlsx', 'c-hagiang.xlsx', 'dang-doc.xlsx', 'hong.xlsx']);
    expect(names('errors', 'descending')[0]).toBe('a-hue.xlsx');
    expect(names('errors', 'descending').slice(-2)).toEqual(['hong.xlsx', 'dang-doc.xlsx']);
    expect(names('errors', 'ascending').slice(-2)).toEqual(['hong.xlsx', 'dang-doc.xlsx']);
    // unreadable first, then the files with errors (all three here, in their order), still loading last
    expect(names('status', 'ascending')).toEqual(['hong.xlsx', 'b-hagiang.xlsx', 'a-hue.xlsx', 'c-hagiang.xlsx', 'dang-doc.xlsx']);
    expect(names('score:self', 'ascending').slice(0, 2)).toEqual(['c-hagiang.xlsx', 'b-hagiang.xlsx']);
    expect(names('budget', 'descending')[0]).toBe('a-hue.xlsx');
  });
});

const file = (name: string, fixture: string) => new NodeFile([readFileSync(path.join(FIXTURES, fixture))], name) as unknown as File;

describe('the overview on the page', () => {
  it('one row per file, sortable from the keyboard; a name opens the file; the tabs say what their badges mean', async () => {
    const ctl = new PreviewController({ worker: new InProcessWorker(), today: '2018-02-15', fetchExample: async () => new Blob([]), storage: null });
    render(<PreviewApp ctl={ctl} />);
    await act(async () =>
      ctl.openFiles([file('hue.xlsx', 'hue-2018-nhiem-vu.xlsx'), file('cathai.xlsx', 'cathai-2023-danh-muc.xlsx'), new NodeFile([new Uint8Array([1, 2, 3])], 'hong.xlsx') as unknown as File]),
    );
    expect(ctl.get().active).toBe(OVERVIEW);
    await waitFor(() => expect(ctl.get().files.every((f) => f.status !== 'loading')).toBe(true), { timeout: 15000 });
    const table = await screen.findByRole('table', { name: 'Bảng tổng hợp các tệp' });
    const bodyNames = () => within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-file-row'));
    expect(bodyNames()).toEqual(['hue.xlsx', 'cathai.xlsx', 'hong.xlsx']);
    const hong = table.querySelector('[data-file-row="hong.xlsx"]')!;
    expect(hong.getAttribute('data-status')).toBe('unreadable');
    expect(hong.textContent).toContain('Không đọc được');
    expect(hong.querySelector('[data-testid="status-reason"]')!.textContent!.length).toBeGreaterThan(5);
    const hue = table.querySelector('[data-file-row="hue.xlsx"]')!;
    expect(hue.querySelector('[data-col="budget"]')!.textContent).toMatch(/26\.979 \/ 21\.950/);

    // sort by errors with the keyboard: the heading is a button; Enter sorts, again reverses
    const errorsHead = table.querySelector('th[data-sort-key="errors"]')!;
    expect(errorsHead.getAttribute('aria-sort')).toBe('none');
    const button = within(errorsHead as HTMLElement).getByRole('button');
    fireEvent.keyDown(button, { key: 'Enter' });
    await waitFor(() => expect(errorsHead.getAttribute('aria-sort')).toBe('descending'));
    expect(bodyNames()).toEqual(['hue.xlsx', 'cathai.xlsx', 'hong.xlsx']);
    fireEvent.keyDown(button, { key: 'Enter' });
    await waitFor(() => expect(errorsHead.getAttribute('aria-sort')).toBe('ascending'));
    expect(bodyNames()).toEqual(['cathai.xlsx', 'hue.xlsx', 'hong.xlsx']);

    // each tab's badge has words: "hue.xlsx: 15 lỗi"
    const hueTab = document.querySelector('[data-file-tab="hue.xlsx"]') as HTMLElement;
    expect(hueTab.textContent).toMatch(/^hue\.xlsx.*: \d+ lỗi$/);
    expect(document.querySelector('[data-file-tab="hong.xlsx"]')!.textContent).toMatch(/: không đọc được$/);

    // the name opens the file
    act(() => screen.getByRole('button', { name: 'Mở tệp cathai.xlsx' }).click());
    await waitFor(() => expect(document.querySelector('section[data-file="cathai.xlsx"]')).not.toBeNull());
    expect(screen.getByTestId('file-summary').textContent).toMatch(/lỗi/);
  }, 30000);
});

describe('Grid keyboard', () => {
  it('one cell is in the tab order; arrows, Home/End move it and focus follows; Enter selects', () => {
    const values = [['TT', 'Nội dung', 'Kinh phí'], [1, 'Nhiệm vụ một', 10], [2, 'Nhiệm vụ hai', 20]];
    const snapshot: SheetSnapshot = { name: 'S', origin: { row: 1, col: 1 }, values };
    const view: SheetView = { meta: { name: 'S', merges: [], layout: gridLayout(snapshot) }, report: { sheet: 'S', found: true, counts: { rows: 3, sections: 0, items: 2, subItems: 0, repeatedHeaders: 0, fragments: 0 }, findings: [] } };
    const rows: RowSource = { get: (r) => (values[r - 1] ? { values: values[r - 1], formats: [] } : undefined), ensure: () => undefined, subscribe: () => () => undefined, version: () => 0 };
    const onSelect = jest.fn();
    const onActive = jest.fn();
    render(<Grid view={view} rows={rows} marks={new Map()} lang="vi" label="Trang S" onSelect={onSelect} onActive={onActive} />);
    const grid = screen.getByRole('grid', { name: 'Trang S' });
    expect(grid.getAttribute('tabindex')).toBeNull();
    const inTabOrder = () => [...grid.querySelectorAll('[role="gridcell"][tabindex="0"]')].map((c) => c.getAttribute('data-cell'));
    expect(inTabOrder()).toEqual(['A1']);
    const a1 = grid.querySelector('[data-cell="A1"]') as HTMLElement;
    act(() => a1.focus());
    fireEvent.keyDown(a1, { key: 'ArrowDown' });
    expect(inTabOrder()).toEqual(['A2']);
    expect(document.activeElement?.getAttribute('data-cell')).toBe('A2');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.getAttribute('data-cell')).toBe('C2');
    expect(onActive).toHaveBeenLastCalledWith('C2');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' }); // the last column: stays
    expect(document.activeElement?.getAttribute('data-cell')).toBe('C2');
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith('C2');
    fireEvent.keyDown(document.activeElement!, { key: 'Home', ctrlKey: true });
    expect(document.activeElement?.getAttribute('data-cell')).toBe('A1');
  });
});
