/**
 * Laying out the CLI's text for a terminal: lines of at most 100 columns, wrapped at word boundaries, and repeated
 * findings told once ("×11 ô: G14, G23, …").
 */
import { severityRank, type Finding, type Lang, type Severity } from '../core/report';

/** The width the text output fits in. */
export const WIDTH = 100;

/** Columns a string takes on a terminal: colour codes and combining marks take none (text here is NFC). */
export function columns(s: string): number {
  let n = 0;
  // eslint-disable-next-line no-control-regex
  for (const ch of s.replace(/\u001b\[[0-9;]*m/g, '')) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/**
 * `text` in lines of at most `width` columns, broken at spaces; a word longer than a line (a path, a formula) is cut
 * where the line ends. The first line follows `first` (already on the line), the others start with `indent`.
 */
export function wrap(text: string, width: number, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  let lineCols = columns(first);
  let empty = true;
  const push = () => {
    lines.push(line.trimEnd());
    line = indent;
    lineCols = columns(indent);
    empty = true;
  };
  for (const word of text.split(/ +/).filter(Boolean)) {
    let w = word;
    const cols = columns(w);
    if (!empty && lineCols + 1 + cols > width) push();
    // a word longer than a whole line: cut it where the line ends
    while (columns(w) > width - lineCols - (empty ? 0 : 1) && columns(w) > width - columns(indent)) {
      const room = Math.max(1, width - lineCols - (empty ? 0 : 1));
      const chars = [...w];
      line += (empty ? '' : ' ') + chars.slice(0, room).join('');
      w = chars.slice(room).join('');
      push();
    }
    if (!w) continue;
    line += (empty ? '' : ' ') + w;
    lineCols += (empty ? 0 : 1) + columns(w);
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Findings told as one: the same rule and message (or gist), at one or more cells. */
export interface FindingGroup {
  severity: Severity;
  rule: Finding['rule'];
  /** the shared message, or the one finding's own */
  message: string;
  cells: string[];
  findings: Finding[];
}

/**
 * The findings of a sheet, errors first, then warnings, then notes; within a severity in the order the engine gave
 * them. Findings of one rule with the same message — or the same gist, when their messages differ only by task — are
 * one group. A finding with a fix plan stays on its own (its suggestion is particular to it).
 */
export function groupFindings(findings: readonly Finding[], lang: Lang): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  const order: FindingGroup[] = [];
  findings.forEach((f, i) => {
    const text = f.message?.[lang] ?? f.message?.vi ?? '';
    const shared = f.gist?.[lang] ?? text;
    const key = f.fix ? `#${i}` : `${f.severity}\u0000${f.rule}\u0000${shared}`;
    let g = groups.get(key);
    if (!g) {
      g = { severity: f.severity, rule: f.rule, message: text, cells: [], findings: [] };
      groups.set(key, g);
      order.push(g);
    } else g.message = shared;
    g.cells.push(f.cell);
    g.findings.push(f);
  });
  return order
    .map((g, i) => ({ g, i }))
    .sort((a, b) => severityRank(a.g.severity) - severityRank(b.g.severity) || a.i - b.i)
    .map(({ g }) => g);
}
