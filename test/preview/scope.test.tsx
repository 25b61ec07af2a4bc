/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * Issue 7, point 14 in the shared UI (src/ui, used by the pane and the preview): every sheet's scope is shown, and a
 * workbook with no appendix table is "not checked" — never a green ✓, never "passes".
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { File as NodeFile } from 'buffer';
import ExcelJS from 'exceljs';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { SummaryCards } from '../../src/ui/SummaryCards';
import { FindingsList } from '../../src/ui/FindingsList';
import { PreviewApp } from '../../src/preview/PreviewApp';
import { PreviewController } from '../../src/preview/controller';
import { check } from '../../src/core/check';
import { fixtureSnapshot, sheet } from '../helpers';
import { InProcessWorker, stubBrowserApis } from './harness';

stubBrowserApis();

afterEach(cleanup);

const wrap = (ui: React.ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe('SummaryCards shows the scope', () => {
  it('a checked sheet: what ran and what could not (Hà Giang 2024 has no budget column)', async () => {
    const r = check(await fixtureSnapshot('hagiang-2024-chi-so.xlsx'), { asOf: '2024-06-01' });
    wrap(<SummaryCards report={r} lang="vi" />);
    expect(screen.getByTestId('scope').textContent).toContain('Đã kiểm tra: cấu trúc bảng, ô bắt buộc, số liệu, thời hạn, năm kế hoạch, điểm.');
    expect(screen.getByTestId('scope').textContent).toContain('Chưa kiểm tra được: kinh phí: không có cột kinh phí.');
    expect(screen.queryByTestId('not-checked')).toBeNull();
  });

  it('a sheet with no table: "Chưa kiểm tra", in English too, and no "passes"', () => {
    const r = check(sheet([['Danh sách cán bộ'], ['Nguyễn Văn A', 'Sở Nội vụ']]), { asOf: '2024-06-01' });
    const { rerender } = wrap(
      <>
        <SummaryCards report={r} lang="vi" />
        <FindingsList findings={r.findings.filter((f) => f.rule !== 'table-not-found')} lang="vi" onSelect={() => {}} />
      </>,
    );
    expect(screen.getByTestId('not-checked').textContent).toContain('Chưa kiểm tra');
    expect(document.body.textContent).not.toMatch(/đạt yêu cầu|Khớp/);
    rerender(
      <FluentProvider theme={webLightTheme}>
        <SummaryCards report={r} lang="en" />
      </FluentProvider>,
    );
    expect(screen.getByTestId('not-checked').textContent).toContain('Not checked');
  });
});

describe('the preview never shows a green ✓ for a workbook it could not check', () => {
  it('a workbook without an appendix table gets a "?" badge and the not-checked message; the Huế example a counter', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['Danh sách cán bộ dự họp']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const ctl = new PreviewController({ worker: new InProcessWorker(), today: '2024-06-15', fetchExample: async () => new Blob([]), storage: null });
    render(<PreviewApp ctl={ctl} />);
    await act(async () =>
      ctl.openFiles([
        new NodeFile([bytes], 'ghi-chu.xlsx') as unknown as File,
        new NodeFile([readFileSync(path.join(__dirname, '..', 'fixtures', 'hue-2018-nhiem-vu.xlsx'))], 'hue.xlsx') as unknown as File,
      ]),
    );
    await waitFor(() => expect(ctl.get().files.every((f) => f.status === 'ready')).toBe(true), { timeout: 15000 });
    const tab = document.querySelector('[data-file-tab="ghi-chu.xlsx"]')!;
    await waitFor(() => expect(tab.querySelector('[data-testid="not-checked-badge"]')).not.toBeNull());
    expect(tab.textContent).not.toContain('✓');
    expect(document.querySelector('[data-file-tab="hue.xlsx"] [data-testid="not-checked-badge"]')).toBeNull();
    // two files at once: the overview first, where the file's row says it was not checked, and why
    const row = document.querySelector('[data-file-row="ghi-chu.xlsx"]')!;
    expect(row.getAttribute('data-status')).toBe('not-checked');
    expect(row.textContent).toContain('Chưa kiểm tra');
    expect(row.textContent).toContain('không trang tính nào có bảng phụ lục');
    expect(document.querySelector('[data-file-row="hue.xlsx"]')!.getAttribute('data-status')).toBe('ok');
    // its name opens it: the pane's summary says "Chưa kiểm tra"
    act(() => screen.getByRole('button', { name: 'Mở tệp ghi-chu.xlsx' }).click());
    await waitFor(() => expect(screen.getByTestId('not-checked').textContent).toContain('Chưa kiểm tra'));
  }, 30000);
});
