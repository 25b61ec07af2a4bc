/** The grid's arithmetic (src/preview/gridNav.ts): fitted column widths, text cut at a word, keyboard moves. */
import { CHAR_PX, MIN_FIT_WIDTH, WIDE_SHEET_CAP, cutAtWord, fitColumns, moveCell } from '../../src/preview/gridNav';
import { MergeLookup } from '../../src/preview/merges';

// Huế 2018's columns as the worker measures them: TT, Nội dung, Sản phẩm, Chủ trì, Phối hợp, Kinh phí, Thời gian
const HUE = [44, 360, 360, 360, 360, 230, 180];
const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

describe('fitColumns', () => {
  it('narrows the widest text columns first so every column fits: Huế’s budget and deadline columns in view', () => {
    const w = fitColumns(HUE, 900);
    expect(sum(w)).toBeLessThanOrEqual(900);
    expect(sum(w)).toBeGreaterThan(880); // the room is used, not wasted
    expect(w[0]).toBe(44); // a narrow column keeps its width
    expect(Math.min(...w.slice(1))).toBeGreaterThanOrEqual(MIN_FIT_WIDTH);
    expect(new Set(w.slice(1, 5)).size).toBe(1); // the four long text columns share one cap
  });

  it('leaves a sheet that fits as it is; a sheet too wide for the minimum gets a readable cap and scrolls', () => {
    expect(fitColumns([44, 100, 80], 900)).toEqual([44, 100, 80]);
    const wide = fitColumns(new Array(20).fill(300), 900);
    expect(wide.every((x) => x === WIDE_SHEET_CAP)).toBe(true);
  });
});

describe('cutAtWord', () => {
  it('keeps a text that fits; cuts a long one after a whole word, with "…"', () => {
    expect(cutAtWord('Quý IV/2017', 120)).toBe('Quý IV/2017');
    const width = 8 + 20 * CHAR_PX; // 20 characters
    const cut = cutAtWord('Kiểm tra, rà soát văn bản quy phạm pháp luật', width);
    expect(cut).toBe('Kiểm tra, rà soát…');
    expect(cut.length).toBeLessThanOrEqual(20);
    // one very long word is cut inside it
    expect(cutAtWord('Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', width)).toBe('Aaaaaaaaaaaaaaaaaaa…');
    // line breaks become spaces on one line
    expect(cutAtWord('Sở Nội vụ\nSở Tư pháp', 400)).toBe('Sở Nội vụ Sở Tư pháp');
  });
});

describe('moveCell', () => {
  const merges = new MergeLookup([{ top: 5, left: 2, bottom: 7, right: 3 }]);
  const opts = { rows: 100, cols: 6, page: 10, merges };

  it('arrows move one cell and stop at the edges', () => {
    expect(moveCell({ row: 1, col: 1 }, 'ArrowUp', opts)).toEqual({ row: 1, col: 1 });
    expect(moveCell({ row: 1, col: 1 }, 'ArrowLeft', opts)).toEqual({ row: 1, col: 1 });
    expect(moveCell({ row: 1, col: 1 }, 'ArrowRight', opts)).toEqual({ row: 1, col: 2 });
    expect(moveCell({ row: 100, col: 6 }, 'ArrowDown', opts)).toEqual({ row: 100, col: 6 });
  });

  it('a merged area is one cell: entering lands on its top-left cell, leaving goes past its far edge', () => {
    expect(moveCell({ row: 4, col: 3 }, 'ArrowDown', opts)).toEqual({ row: 5, col: 2 });
    expect(moveCell({ row: 5, col: 2 }, 'ArrowDown', opts)).toEqual({ row: 8, col: 2 });
    expect(moveCell({ row: 5, col: 2 }, 'ArrowRight', opts)).toEqual({ row: 5, col: 4 });
    expect(moveCell({ row: 6, col: 4 }, 'ArrowLeft', opts)).toEqual({ row: 5, col: 2 });
  });

  it('Home / End, with Ctrl the sheet’s corners; Page Up / Down by a page', () => {
    expect(moveCell({ row: 9, col: 4 }, 'Home', opts)).toEqual({ row: 9, col: 1 });
    expect(moveCell({ row: 9, col: 4 }, 'End', opts)).toEqual({ row: 9, col: 6 });
    expect(moveCell({ row: 9, col: 4 }, 'End', { ...opts, ctrl: true })).toEqual({ row: 100, col: 6 });
    expect(moveCell({ row: 9, col: 4 }, 'Home', { ...opts, ctrl: true })).toEqual({ row: 1, col: 1 });
    expect(moveCell({ row: 9, col: 4 }, 'PageDown', opts)).toEqual({ row: 19, col: 4 });
    expect(moveCell({ row: 9, col: 4 }, 'PageUp', opts)).toEqual({ row: 1, col: 4 });
  });
});
