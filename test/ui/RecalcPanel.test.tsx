/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// After "Tính lại điểm": what was written and what disagrees, listed; the formula cells that were right folded into one
// line ("78 ô công thức đã đúng"); a message for the top of the pane in one or two sentences.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { RecalcPanel } from '../../src/ui/RecalcPanel';
import { recalcNotice } from '../../src/ui/actions';
import type { RecalcOutcome } from '../../src/ui/host';
import { installDomPolyfills } from '../taskpane/fakeHost';

installDomPolyfills();
afterEach(cleanup);

function outcome(): RecalcOutcome {
  const verifiedFormulas: RecalcOutcome['verifiedFormulas'] = [];
  for (let r = 10; r < 88; r++) verifiedFormulas.push({ cell: `D${r}`, expected: r / 4, actual: r / 4, ok: true });
  verifiedFormulas.push({ cell: 'D7', expected: 8.83, actual: 9.83, ok: false });
  return { sheet: 'Phụ lục', changed: [{ cell: 'E109', before: 65.85, after: 65.65 }, { cell: 'D109', before: 60.58, after: 60.59 }], verifiedFormulas };
}

test('the cells written and the formula that disagrees are listed; the 78 right ones are one folded line', () => {
  const onRevert = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <RecalcPanel recalc={outcome()} lang="vi" onRevert={onRevert} plan={[{ cell: 'E109', row: 109, column: 'E', current: 65.85, computed: 65.65, formula: false, criterion: 'total', decimals: 2 }, { cell: 'D109', row: 109, column: 'D', current: 60.58, computed: 60.59, formula: false, criterion: 'total', decimals: 2 }]} />
    </FluentProvider>,
  );
  expect(screen.getByTestId('recalc-written').textContent).toBe('E109: 65,85 → 65,65D109: 60,58 → 60,59');
  expect(screen.getByTestId('recalc-disagree').textContent).toBe('D7 (công thức): Excel ra 9,83, đúng ra là 8,83');
  const folded = screen.getByTestId('recalc-ok') as HTMLDetailsElement;
  expect(folded.open).toBe(false);
  expect(folded.querySelector('summary')!.textContent).toBe('78 ô công thức đã đúng');
  // no line per right formula cell any more
  expect(document.body.textContent).not.toMatch(/— đúng/);
  expect(screen.getByTestId('recalc').querySelectorAll('li').length).toBe(3);
  fireEvent.click(screen.getByRole('button', { name: 'Hoàn tác' }));
  expect(onRevert).toHaveBeenCalledTimes(1);
});

test('the message at the top: what was written, and which formula cells disagree', () => {
  const n = recalcNotice(outcome());
  expect(n.intent).toBe('warning');
  expect(n.text.vi).toBe(
    'Tính lại điểm: đã ghi 2 ô (E109, D109); bấm «Hoàn tác» trong mục «Tính lại điểm» để trả lại giá trị cũ. 1 ô công thức cho kết quả khác với điểm tính lại: D7.',
  );
  const nothing = recalcNotice({ sheet: 'Phụ lục', changed: [], verifiedFormulas: outcome().verifiedFormulas.filter((f) => f.ok) });
  expect(nothing).toEqual({ intent: 'success', text: { vi: 'Tính lại điểm: điểm trên trang tính đã đúng, không có ô nào cần ghi.', en: 'Scores recalculated: the sheet’s scores are right, no cell needed writing.' } });
});
