/**
 * The deadline grammar's explicit word lists: what may stand around a recognised expression without changing what
 * it means, and the words of the classes the line reader (period-line.ts) understands after it. Every word of a line
 * must be read by the grammar or be in one of these lists; anything else makes the line 'unparsed'. The lists are
 * written in Vietnamese and matched on folded words (case, diacritics and đ/d ignored), whole words only, longest
 * phrase first.
 */
import { fold } from './text';
import type { Tok } from './period-tokens';

/** A closed list of phrases, matched on the folded word tokens of a line. */
export class Phrases {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(readonly list: readonly string[]) {
    for (const phrase of list) {
      const words = fold(phrase).split(' ');
      const known = this.byFirst.get(words[0]) ?? [];
      known.push(words);
      known.sort((x, y) => y.length - x.length);
      this.byFirst.set(words[0], known);
    }
  }

  /** The index after the longest phrase of the list starting at token i, or -1. Looks at a bounded number of tokens. */
  match(k: readonly Tok[], i: number): number {
    const t = k[i];
    if (t === undefined || t.type !== 'w') return -1;
    const candidates = this.byFirst.get(t.text);
    if (!candidates) return -1;
    for (const words of candidates) {
      let j = 1;
      while (j < words.length && k[i + j]?.type === 'w' && k[i + j].text === words[j]) j++;
      if (j === words.length) return i + j;
    }
    return -1;
  }
}

/**
 * Addressees never change a date ("Báo cáo Chủ tịch UBND tỉnh trước 30/4/2020", "trước 20/12 (gửi Sở Nội vụ)").
 * Levels only after a body, and "sở" / "bộ" only with their name: a bare "tỉnh" folds to "tính" ("tính đến 30/6": data
 * as of 30/6, not a deadline), "bộ" to "bỏ" (drop), "sở" to "số" (a document number: "số 12/2024").
 */
const BODIES = ['ủy ban nhân dân', 'uỷ ban nhân dân', 'ubnd', 'hội đồng nhân dân', 'hđnd', 'chủ tịch ubnd', 'chủ tịch'];
const LEVELS = ['tỉnh', 'huyện', 'xã', 'thành phố', 'thị xã', 'cấp tỉnh', 'cấp huyện', 'cấp xã', 'các cấp'];
const ADDRESSEES = [
  ...BODIES,
  ...BODIES.flatMap((b) => LEVELS.map((l) => `${b} ${l}`)),
  'phó chủ tịch', 'sở nội vụ', 'sở tư pháp', 'sở tài chính', 'bộ nội vụ', 'phòng nội vụ', 'văn phòng', 'thường trực', 'chính phủ', 'thủ tướng',
  'tỉnh ủy', 'tỉnh uỷ', 'huyện ủy', 'huyện uỷ', 'cấp trên',
];

/**
 * LABELS — words before the expression that only say what is due or to whom ("Báo cáo trước ngày 20/12", "Kế hoạch
 * trong quý IV", "Gửi Sở Nội vụ trước 15/12", "Hoàn thành: Quý III/2024", "Thời gian thực hiện: Quý II"). A word that
 * changes when something is due ("giữa", "khoảng", "ngoài", "gần", "không", "sau", "chưa", "thôi", "tính"…) is NOT
 * here: before an expression it makes the line 'unparsed'.
 */
export const LABELS = new Phrases([
  'kế hoạch', 'báo cáo', 'hoàn thành', 'thực hiện', 'triển khai', 'ban hành', 'xây dựng', 'tổ chức', 'trình', 'gửi',
  'nộp', 'sơ kết', 'tổng kết', 'dự kiến', 'thời gian', 'tiến độ', 'vào', 'trong', 'và', 'hoàn thành xong',
  ...ADDRESSEES,
]);

/** Punctuation that may stand before the expression ("- Báo cáo: trước ngày 20/12", "(Quý IV)"). */
export const PREFIX_PUNCT = ':-–—(),"“”\'*•';

/**
 * NOTES — words after the expression that change nothing: "Tháng 3/2024 (dự kiến)", "Quý IV/2024 hoàn thành",
 * "Năm 2024 (thực hiện)", "Trước ngày 31/12/2024 trừ trường hợp đặc biệt", "Quý III/2024 hoặc sớm hơn" (the latest
 * acceptable day is still the end of the quarter). The addressees of LABELS are notes too ("trước 20/12 (gửi Sở Nội
 * vụ)").
 */
export const NOTES = new Phrases([
  'dự kiến', 'hoàn thành', 'thực hiện', 'báo cáo', 'ban hành', 'triển khai', 'theo kế hoạch', 'trừ trường hợp đặc biệt',
  'hoặc sớm hơn', 'gửi', 'trình', 'nộp',
  ...ADDRESSEES,
]);

/** Punctuation after the expression: closing brackets, the end mark "./.", quotes. */
export const TAIL_PUNCT = '.,;:-–—()/"“”\'*!…';

/**
 * Separators after which a further expression refines the one before ("Quý I: Trước 20/3/2024", "Quý II (trước
 * 15/6)", "Năm 2024 - Quý II"). Written with no separator at all ("Quý I trước ngày 20/3") it is a refinement too.
 */
export const REFINE_SEP = ':(-–—';

/**
 * A status written in the deadline cell: "Đã hoàn thành (tháng 3/2024)", "Tháng 3/2024 - đã xong". Only with "đã"
 * (done) or "chưa" / "đang" (not done): a bare "hoàn thành" is a label ("Hoàn thành: Quý III/2024" is when it is due).
 */
export const DONE = new Phrases([
  'đã hoàn thành', 'đã xong', 'đã ban hành', 'đã thực hiện', 'đã triển khai', 'đã nộp', 'đã gửi', 'đã trình',
  'đã báo cáo', 'đã tổ chức', 'đã phê duyệt',
]);
export const NOT_DONE = new Phrases([
  'chưa hoàn thành', 'chưa xong', 'chưa ban hành', 'chưa thực hiện', 'chưa triển khai', 'chưa nộp', 'chưa gửi',
  'chưa trình', 'chưa báo cáo', 'đang thực hiện', 'đang triển khai', 'đang xây dựng', 'đang hoàn thiện', 'đang xử lý',
]);

/**
 * A postponement: the verb, then "sang" / "đến" / "tới" / "vào" / "lại" / ":" and the new deadline ("lùi sang tháng
 * 8/2024", "gia hạn đến 30/9/2024", "điều chỉnh thời gian sang Quý III"). LATER verbs can only move a deadline later
 * (an earlier new deadline is invalid); MOVE verbs may move it either way.
 */
export const POSTPONE_LATER = new Phrases(['lùi', 'lùi lại', 'gia hạn', 'hoãn', 'hoãn lại']);
/** ("dời" and "đổi" fold to the same word, so both only move.) */
export const POSTPONE_MOVE = new Phrases(['chuyển', 'điều chỉnh', 'dời', 'dời lại']);
export const POSTPONE_WHAT = new Phrases([
  'thời gian', 'thời hạn', 'hạn', 'tiến độ', 'thời gian thực hiện', 'thời gian hoàn thành', 'thời hạn hoàn thành',
]);
export const POSTPONE_TO = new Phrases(['sang', 'vào', 'lại']);

/** "X và các năm tiếp theo": X, then on with no end — read as ongoing from X. */
export const CONTINUES = new Phrases([
  'các năm tiếp theo', 'những năm tiếp theo', 'các năm sau', 'những năm sau', 'các năm tới', 'những năm tới',
  'các năm kế tiếp', 'những năm kế tiếp',
]);

/** "X, sau đó hàng quý": what follows comes after X. */
export const THEN = new Phrases(['sau đó', 'tiếp theo', 'tiếp đó', 'rồi']);
