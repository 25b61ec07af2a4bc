/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The preview with a self-assessment sheet that also holds the appraisal: the cuts in the side panel and the draft
// bảng giải trình as a downloaded .xlsx (the real worker logic in-process, as in PreviewApp.test.tsx).
import { File as NodeFile } from 'buffer';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { PreviewApp } from '../../src/preview/PreviewApp';
import { PreviewController } from '../../src/preview/controller';
import { readSnapshots } from '../../src/io/xlsx';
import { fixtureSnapshot, snapshotXlsx } from '../helpers';
import { appraisedSheet } from '../hagiangVariants';
import { InProcessWorker, stubBrowserApis } from './harness';

stubBrowserApis();

function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(blob);
  });
}

afterEach(cleanup);

it('shows the appraisal cuts and downloads the bảng giải trình as its own .xlsx', async () => {
  const hagiang = await fixtureSnapshot('hagiang-2024-chi-so.xlsx');
  const bytes = snapshotXlsx(appraisedSheet(hagiang));
  const saved: { blob: Blob; name: string }[] = [];
  const ctl = new PreviewController({ worker: new InProcessWorker(), today: '2024-06-01', storage: null, save: (blob, name) => saved.push({ blob, name }) });
  render(<PreviewApp ctl={ctl} />);
  await act(async () => ctl.openFiles([new NodeFile([bytes], 'Sở Nội vụ.xlsx') as unknown as File]));
  const panel = await screen.findByRole('region', { name: 'Thẩm định so với tự đánh giá' }, { timeout: 15000 });
  expect(panel.textContent).toContain('Tổng điểm bị trừ: 0,85');
  fireEvent.click(within(panel).getByRole('button', { name: /^1\.5\./ }));
  expect(ctl.get().selection?.address).toBe('E14');
  await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Tải bảng giải trình (.xlsx)' })));
  expect((await screen.findByTestId('explanation-done')).textContent).toContain('Sở Nội vụ-bang-giai-trinh.xlsx');
  expect(saved.map((x) => x.name)).toEqual(['Sở Nội vụ-bang-giai-trinh.xlsx']);
  const [sheet] = await readSnapshots(await blobBytes(saved[0].blob));
  expect(sheet.values[4].slice(0, 6)).toEqual([1, '1.5. Sáng kiến trong cải cách hành chính', 2, 1, 0.5, -0.5]);
  // the opened file stays as it was: no download of it was made
  expect(saved).toHaveLength(1);
}, 30000);
