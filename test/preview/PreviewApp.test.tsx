/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// (ExcelJS, run here by the in-process "worker", needs Node's module build, not the browser one.)
/**
 * The page with the real worker logic in-process (PreviewWorkerCore behind a fake Worker): the example opens, the
 * pane's components show its findings, a click on a finding highlights its cell; the grid renders only the rows in view.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { Blob as NodeBlob, File as NodeFile } from 'buffer';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PreviewApp } from '../../src/preview/PreviewApp';
import { PreviewController } from '../../src/preview/controller';
import { Grid, masterAddress, OVERSCAN } from '../../src/preview/Grid';
import { gridLayout } from '../../src/preview/format';
import type { SheetView } from '../../src/preview/protocol';
import type { RowSource } from '../../src/preview/rows';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';
import { InProcessWorker, stubBrowserApis } from './harness';

stubBrowserApis();

const FIXTURES = path.join(__dirname, '..', 'fixtures');

afterEach(cleanup);

describe('PreviewApp', () => {
  it('opens the example, shows the pane’s summary and findings, and a click on F61 highlights it', async () => {
    const ctl = new PreviewController({
      worker: new InProcessWorker(),
      today: '2026-11-22',
      fetchExample: async () => new NodeBlob([readFileSync(path.join(FIXTURES, 'hue-2018-nhiem-vu.xlsx'))]) as unknown as Blob,
      storage: null,
    });
    render(<PreviewApp ctl={ctl} />);
    await act(() => ctl.openExample());
    const f61 = await screen.findByRole('button', { name: /F61 — Tổng cộng ghi 21\.950/ }, { timeout: 10000 });
    expect(screen.getByTestId('example-note')).toBeTruthy();
    expect((screen.getByTestId('as-of') as HTMLInputElement).value).toBe('2018-02-15');
    expect(screen.getByText('Trang tính «Phụ lục»')).toBeTruthy(); // SummaryCards
    const grid = screen.getByRole('grid');
    expect(grid.querySelector('[data-cell="F61"]')).toBeNull(); // row 61 is not rendered yet: virtualised
    fireEvent.click(f61);
    await waitFor(() => expect(grid.querySelector('[data-cell="F61"][data-selected="true"][aria-selected="true"]')).not.toBeNull());
    expect(grid.querySelector('[data-cell="F61"]')?.getAttribute('data-severity')).toBe('error');
    expect(screen.getByTestId('cell-info').textContent).toMatch(/Ô F61 «21\.950»: Tổng cộng ghi 21\.950/);

    // English: the pane's components and the page switch together
    fireEvent.change(screen.getByTestId('lang'), { target: { value: 'en' } });
    await screen.findByRole('button', { name: /F61 — The total states 21,950/ });
    expect(screen.getByText('Download annotated copy')).toBeTruthy();

    // a damaged file gets its own tab with a message; the example gave way to it
    await act(async () => ctl.openFiles([new NodeFile([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2])], 'hong.xlsx') as unknown as File]));
    await waitFor(() => expect(screen.getByTestId('file-error').textContent).toMatch(/damaged/), { timeout: 10000 });
    expect(ctl.get().files.map((f) => f.name)).toEqual(['hong.xlsx']);
  }, 20000);
});

function bigView(rows: number, merges = [{ top: 5, left: 2, bottom: 7, right: 3 }]): { view: SheetView; snapshot: SheetSnapshot } {
  const values: CellValue[][] = [['TT', 'Nội dung', 'Kinh phí']];
  for (let i = 1; i < rows; i++) values.push([i, `Nhiệm vụ ${i}`, i * 10]);
  const snapshot: SheetSnapshot = { name: 'Lớn', origin: { row: 1, col: 1 }, values, merges };
  const report = { sheet: 'Lớn', found: true, counts: { rows, sections: 0, items: rows, subItems: 0, repeatedHeaders: 0, fragments: 0 }, findings: [] };
  return { snapshot, view: { meta: { name: 'Lớn', merges, layout: gridLayout(snapshot) }, report } };
}

/** Rows straight from a snapshot (what the worker would send), counting what the grid asks for. */
function snapshotRows(s: SheetSnapshot): RowSource & { asked: [number, number][] } {
  const asked: [number, number][] = [];
  return {
    asked,
    get: (r) => (s.values[r - 1] ? { values: s.values[r - 1], formats: s.numberFormats?.[r - 1] ?? [] } : undefined),
    ensure: (from, to) => void asked.push([from, to]),
    subscribe: () => () => undefined,
    version: () => 0,
  };
}

describe('Grid', () => {
  it('renders only the rows in view for 20 000 rows; merged areas as one cell; goes to a selected cell', () => {
    const { view, snapshot } = bigView(20000);
    const rowsSrc = snapshotRows(snapshot);
    const marks = new Map([['C15000', { severity: 'warning' as const, text: 'xem lại' }]]);
    const onSelect = jest.fn();
    const { rerender } = render(<Grid view={view} rows={rowsSrc} marks={marks} lang="vi" label="Lớn" onSelect={onSelect} />);
    const grid = screen.getByRole('grid');
    const rows = within(grid).getAllByRole('row');
    expect(rows.length).toBeLessThan(60 + 2 * OVERSCAN);
    expect(grid.getAttribute('aria-rowcount')).toBe('20001');
    // B5:C7 is one cell, drawn at B5
    const merged = grid.querySelector('[data-cell="B5"]') as HTMLElement;
    expect(merged.getAttribute('data-merge')).toBe('B5:C7');
    expect(merged.style.height).toBe('72px');
    expect(grid.querySelector('[data-cell="C5"]')).toBeNull();
    expect(grid.querySelector('[data-cell="B6"]')).toBeNull();
    expect(masterAddress('C6', view.meta.merges)).toBe('B5');
    // it asked for the rows in view only
    expect(rowsSrc.asked.length).toBeGreaterThan(0);
    expect(Math.max(...rowsSrc.asked.map(([, to]) => to))).toBeLessThan(100);

    fireEvent.click(grid.querySelector('[data-cell="A3"]')!);
    expect(onSelect).toHaveBeenCalledWith('A3');

    rerender(<Grid view={view} rows={rowsSrc} marks={marks} selected="C15000" scrollSeq={1} lang="vi" label="Lớn" onSelect={onSelect} />);
    const cell = grid.querySelector('[data-cell="C15000"]') as HTMLElement;
    expect(cell).not.toBeNull();
    expect(cell.getAttribute('data-selected')).toBe('true');
    expect(cell.getAttribute('data-severity')).toBe('warning');
    expect(cell.getAttribute('title')).toBe('C15000: xem lại');
    expect(cell.textContent).toBe('149990'); // General format: no grouping
    expect(grid.scrollTop).toBeGreaterThan(14000 * 24);
    expect(within(grid).getAllByRole('row').length).toBeLessThan(60 + 2 * OVERSCAN);
    // selecting a covered cell of a merged area highlights the area
    rerender(<Grid view={view} rows={rowsSrc} marks={marks} selected="C6" scrollSeq={2} lang="vi" label="Lớn" onSelect={onSelect} />);
    expect(grid.querySelector('[data-cell="B5"]')?.getAttribute('data-selected')).toBe('true');
  });

  it('a merged area over a million rows and 16 384 columns, and a cell at XFD1048576: only the window is drawn', () => {
    const { view } = bigView(3, [{ top: 1, left: 8, bottom: 1048576, right: 16384 }]);
    const layout = { rows: 1048576, cols: 16384, colWidths: new Array(16384).fill(44) };
    const wide = { ...view, meta: { ...view.meta, layout } };
    const rowsSrc = snapshotRows({ name: 'x', values: [['TT', 'Nội dung']] });
    render(<Grid view={wide} rows={rowsSrc} marks={new Map()} lang="vi" label="x" onSelect={() => undefined} />);
    const grid = screen.getByRole('grid');
    expect(grid.querySelectorAll('[role="gridcell"]').length).toBeLessThan(2000);
    expect(grid.querySelectorAll('[role="columnheader"]').length).toBeLessThan(100);
    expect(grid.querySelector('[data-cell="H1"]')?.getAttribute('data-merge')).toBe('H1:XFD1048576');
  });

  it('rows on their way show as pending cells, then their values', () => {
    const { view, snapshot } = bigView(100);
    let ready = false;
    const listeners = new Set<() => void>();
    let version = 0;
    const src: RowSource = {
      get: (r) => (ready ? { values: snapshot.values[r - 1], formats: [] } : undefined),
      ensure: () => undefined,
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
      version: () => version,
    };
    render(<Grid view={view} rows={src} marks={new Map()} lang="vi" label="x" onSelect={() => undefined} />);
    const grid = screen.getByRole('grid');
    expect(grid.querySelector('[data-cell="B2"]')?.getAttribute('data-pending')).toBe('true');
    act(() => {
      ready = true;
      version++;
      for (const l of listeners) l();
    });
    expect(grid.querySelector('[data-cell="B2"]')?.getAttribute('data-pending')).toBeNull();
    expect(grid.querySelector('[data-cell="B2"]')?.textContent).toBe('Nhiệm vụ 1');
  });
});
