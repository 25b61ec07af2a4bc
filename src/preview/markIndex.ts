/**
 * The grid's marks — the add-in's fill and note for each finding cell, moved to the top-left cell of a merged area as
 * Excel shows them — worked out only for the cells the grid draws: a 15 000-finding report costs the page one pass
 * to index the findings by cell, not 15 000 marks planned before the first paint.
 */
import { planCellMarks } from '../core/marks';
import { severityRank, type Finding, type Lang } from '../core/report';
import { columnLetter, parseA1 } from '../core/snapshot';
import type { GridMark } from './Grid';
import type { MergeLookup } from './merges';

export interface MarkSource {
  get(address: string): GridMark | undefined;
}

export class MarkIndex implements MarkSource {
  private readonly byCell = new Map<string, Finding[]>();
  private readonly cache = new Map<string, GridMark | null>();

  /** `findings` of a sheet whose table was found (a sheet without one gets no marks, as in the add-in). */
  constructor(
    findings: readonly Finding[],
    merges: MergeLookup,
    private readonly lang: Lang,
  ) {
    for (const f of findings) {
      const cell = f.cell ?? '';
      const p = parseA1(cell.slice(cell.lastIndexOf('!') + 1));
      if (!p) continue;
      const m = merges.covering(p.row, p.col);
      const at = m ? columnLetter(m.left) + m.top : columnLetter(p.col) + p.row;
      const list = this.byCell.get(at);
      if (list) list.push(f);
      else this.byCell.set(at, [f]);
    }
  }

  get(address: string): GridMark | undefined {
    const hit = this.cache.get(address);
    if (hit !== undefined) return hit ?? undefined;
    const list = this.byCell.get(address);
    if (!list) {
      this.cache.set(address, null);
      return undefined;
    }
    // one mark per cell of the area, as planned for the add-in, then one per area: the worst severity, every text
    const marks = planCellMarks(list, this.lang);
    let severity = marks[0].severity;
    for (const m of marks) if (severityRank(m.severity) < severityRank(severity)) severity = m.severity;
    const mark: GridMark = { severity, text: marks.map((m) => m.text).join('\n') };
    this.cache.set(address, mark);
    return mark;
  }
}
