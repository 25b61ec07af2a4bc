/** numbering-gap, numbering-duplicate: I, II, III…; 1, 2, 3… (per section or running on); 1.3.1; a), b), đ). */
import type { Finding } from '../report';
import { Rule, finding, itemLabel } from './context';
import { nextLetters, toRoman } from '../table/numbering';
import type { Item } from '../table/rows';

export const numberingRule: Rule = ({ table }) => {
  const out: Finding[] = [];
  const gap = (row: number, col: number, expected: string, found: string, where: string, whereEn: string) =>
    out.push(
      finding('numbering-gap', row, col, {
        vi: `Số thứ tự bị nhảy${where}: sau đó phải là «${expected}» nhưng ghi «${found}».`,
        en: `Numbering skips${whereEn}: expected "${expected}" but found "${found}".`,
      }, { expected, actual: found }),
    );
  const dup = (row: number, col: number, label: string, firstRow: number) =>
    out.push(
      finding('numbering-duplicate', row, col, {
        vi: `Số thứ tự «${label}» bị trùng (đã có ở dòng ${firstRow}).`,
        en: `Number "${label}" is used twice (already at row ${firstRow}).`,
      }, { actual: label }),
    );

  // Sections.
  let prevSection = 0;
  const seenSections = new Map<number, number>();
  for (const s of table.sections) {
    if (seenSections.has(s.value)) dup(s.row, s.col, s.label, seenSections.get(s.value)!);
    else if (s.value !== prevSection + 1) gap(s.row, s.col, toRoman(prevSection + 1), s.label, '', '');
    seenSections.set(s.value, s.row);
    prevSection = s.value;
  }

  // Siblings: top-level items per section (restarting at 1 or running on), children per parent.
  const checkSiblings = (items: Item[], allowedFirst: number[], scope: string, scopeEn: string): number => {
    let prev: number | null = null;
    let prevLetter: string | null = null;
    const seen = new Map<string, number>();
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      if (seen.has(it.number)) {
        dup(it.row, it.numberCol, it.number, seen.get(it.number)!);
        continue;
      }
      seen.set(it.number, it.row);
      const n = it.numbering;
      if (n?.kind === 'arabic') {
        const last = n.parts[n.parts.length - 1];
        const ok = prev === null ? allowedFirst.includes(last) : last === prev + 1;
        if (!ok) {
          const exp = prev === null ? allowedFirst[0] : prev + 1;
          const expected = n.parts.length > 1 ? [...n.parts.slice(0, -1), exp].join('.') : String(exp);
          gap(it.row, it.numberCol, expected, it.number, scope, scopeEn);
        }
        prev = last;
      } else if (n?.kind === 'letter') {
        const allowed = nextLetters(prevLetter);
        if (!allowed.includes(n.letter)) gap(it.row, it.numberCol, `${allowed[0] ?? '?'})`, `${n.letter})`, scope, scopeEn);
        prevLetter = n.letter;
      }
    }
    return prev ?? 0;
  };

  // top-level items by section (sections in the order they first come); the list of the current run of a section kept
  const topBySection = new Map<unknown, Item[]>();
  let runSection: unknown = topBySection; // a key no item has
  let runList: Item[] = [];
  for (let k = 0; k < table.items.length; k++) {
    const it = table.items[k];
    if (it.parent) continue;
    if (it.section !== runSection) {
      runSection = it.section;
      runList = topBySection.get(runSection) ?? [];
      topBySection.set(runSection, runList);
    }
    runList.push(it);
  }
  let running = 0;
  for (const [section, items] of topBySection) {
    const s = section as { label: string } | undefined;
    running = checkSiblings(items, [1, running + 1], s ? ` trong mục ${s.label}` : '', s ? ` in section ${s.label}` : '');
  }
  for (let k = 0; k < table.items.length; k++) {
    const it = table.items[k];
    if (!it.children.length) continue;
    checkSiblings(it.children, [1], ` trong các mục con của ${itemLabel(it)}`, ` among the sub-items of ${itemLabel(it)}`);
  }
  return out;
};
