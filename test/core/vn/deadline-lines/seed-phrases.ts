/**
 * Every deadline-like phrase of the five seed documents (the published plans the project was built from), with its
 * reading checked by hand. Harvested from the plain-text copies: the deadline column of each appendix ("Thời gian
 * hoàn thành", "Thời gian thực hiện/ hoàn thành", "Thời gian ban hành/ thực hiện"; a cell wrapped over several lines
 * in the copy is one line here, a cell of several "- …;" lines keeps its line breaks), the period lines of the
 * product columns, and the deadlines written in the prose (the clause that holds the date, and where it matters the
 * sentence around it). Kept in the project: the tests never read the seeds.
 *
 * Each entry: the text, the plan year of its document, the expected reading (see reading.ts: kind, period, extras;
 * parts joined by " || "), and where it comes from.
 */
export interface SeedPhrase {
  text: string;
  plan: number | null;
  reading: string;
  source: string;
}

const HUE = 'Thừa Thiên Huế, KH CCHC 2018 (QĐ 2855/QĐ-UBND), phụ lục, cột Thời gian hoàn thành';
const HUE_PROSE = 'Thừa Thiên Huế, KH CCHC 2018, mục III';
const THANHHOA = 'Thanh Hóa, KH 34/KH-UBND (2020)';
const CATHAI = 'Cát Hải, KH CCHC 2023, phụ lục, cột Thời gian thực hiện/ hoàn thành';
const CATHAI_PROSE = 'Cát Hải, KH CCHC 2023';
const HAGIANG = 'Hà Giang, KH 147/KH-UBND (2024), phụ lục, cột Thời gian ban hành/ thực hiện';
const HAGIANG_PRODUCT = 'Hà Giang, KH 147/KH-UBND (2024), phụ lục, cột Yêu cầu của sản phẩm đầu ra';
const HAGIANG_PROSE = 'Hà Giang, KH 147/KH-UBND (2024)';
const BINHDINH = 'Bình Định, Chỉ thị cải thiện Chỉ số CCHC';

export const SEED_PHRASES: SeedPhrase[] = [
  // ── Thừa Thiên Huế 2018: the deadline column, every distinct cell ──
  { text: 'Quý IV/2017', plan: 2018, reading: 'fixed quarter 2017-10-01..2017-12-31', source: HUE },
  { text: 'Năm 2018', plan: 2018, reading: 'fixed year 2018-01-01..2018-12-31', source: HUE },
  { text: 'Năm 2017', plan: 2018, reading: 'fixed year 2017-01-01..2017-12-31', source: HUE },
  { text: 'Chuyển tiếp từ năm 2017', plan: 2018, reading: 'ongoing since 2017', source: HUE },
  { text: 'Tháng 01/2018', plan: 2018, reading: 'fixed month 2018-01-01..2018-01-31', source: HUE },
  { text: '01/2018', plan: 2018, reading: 'fixed month 2018-01-01..2018-01-31', source: HUE },
  { text: 'Quý I/2018', plan: 2018, reading: 'fixed quarter 2018-01-01..2018-03-31', source: HUE },
  { text: 'Quý IV/2018', plan: 2018, reading: 'fixed quarter 2018-10-01..2018-12-31', source: HUE },
  { text: 'Quý III/2018', plan: 2018, reading: 'fixed quarter 2018-07-01..2018-09-30', source: HUE },
  { text: 'Tháng 12/2017', plan: 2018, reading: 'fixed month 2017-12-01..2017-12-31', source: HUE },
  { text: 'Tháng 01 năm 2018', plan: 2018, reading: 'fixed month 2018-01-01..2018-01-31', source: HUE },
  { text: '12/2017', plan: 2018, reading: 'fixed month 2017-12-01..2017-12-31', source: HUE },
  { text: 'Hàng quý', plan: 2018, reading: 'recurring quarterly', source: HUE },
  { text: 'Hàng tháng', plan: 2018, reading: 'recurring monthly', source: HUE },
  // prose: "Tiếp tục tổ chức tốt định kỳ 3 tháng/ lần diễn đàn đối thoại…"
  { text: 'định kỳ 3 tháng/ lần', plan: 2018, reading: 'recurring quarterly', source: HUE_PROSE },
  { text: 'Tiếp tục tổ chức tốt định kỳ 3 tháng/ lần diễn đàn đối thoại trực tuyến', plan: 2018, reading: 'unparsed', source: HUE_PROSE },

  // ── Thanh Hóa 2020: deadlines in the prose ──
  { text: 'trước 30/4/2020', plan: 2020, reading: 'fixed date 2020-01-01..2020-04-30', source: `${THANHHOA}, 3.1.a và 3.2` },
  { text: 'báo cáo Chủ tịch UBND tỉnh trước 30/4/2020', plan: 2020, reading: 'fixed date 2020-01-01..2020-04-30', source: `${THANHHOA}, 3.1.a` },
  {
    text: 'báo cáo Chủ tịch UBND tỉnh trước 30/4/2020, đồng thời gửi Sở Nội vụ 01 bản để tổng hợp chung',
    plan: 2020,
    reading: 'unparsed',
    source: `${THANHHOA}, 3.1.a (the whole sentence: "01 bản" is not a note)`,
  },
  { text: 'trước 20/5/2020', plan: 2020, reading: 'fixed date 2020-01-01..2020-05-20', source: `${THANHHOA}, 3.1.b` },
  { text: 'báo cáo Chủ tịch UBND tỉnh trước 20/5/2020', plan: 2020, reading: 'fixed date 2020-01-01..2020-05-20', source: `${THANHHOA}, 3.1.b` },
  {
    text: 'gửi Chủ tịch UBND tỉnh Kế hoạch và Báo cáo tổng kết trước 30/4/2020',
    plan: 2020,
    reading: 'fixed date 2020-01-01..2020-04-30',
    source: `${THANHHOA}, 3.2`,
  },
  { text: 'trước 20/6/2020', plan: 2020, reading: 'fixed date 2020-01-01..2020-06-20', source: `${THANHHOA}, III.1` },
  {
    text: 'báo cáo UBND tỉnh, Chủ tịch UBND tỉnh trước 20/6/2020',
    plan: 2020,
    reading: 'fixed date 2020-01-01..2020-06-20',
    source: `${THANHHOA}, III.1`,
  },
  { text: 'vào quý III năm 2020', plan: 2020, reading: 'fixed quarter 2020-07-01..2020-09-30', source: `${THANHHOA}, II.2.2` },
  { text: 'tổ chức hội nghị tổng kết vào quý III năm 2020', plan: 2020, reading: 'unparsed', source: `${THANHHOA}, II.2.2 ("hội nghị" is not a label)` },
  { text: 'giai đoạn 2011 - 2020', plan: 2020, reading: 'fixed range 2011-01-01..2020-12-31', source: THANHHOA },
  { text: 'giai đoạn 2021 - 2030', plan: 2020, reading: 'fixed range 2021-01-01..2030-12-31', source: THANHHOA },
  { text: 'Giai đoạn 2021 - 2025', plan: 2020, reading: 'fixed range 2021-01-01..2025-12-31', source: THANHHOA },
  { text: 'đến năm 2020', plan: 2020, reading: 'fixed year 2020-01-01..2020-12-31', source: `${THANHHOA}, (7)` },

  // ── Cát Hải 2023: the deadline column, every distinct cell ──
  { text: '15/01/2023', plan: 2023, reading: 'fixed date 2023-01-15..2023-01-15', source: CATHAI },
  { text: 'Trong tháng 01/2023', plan: 2023, reading: 'fixed month 2023-01-01..2023-01-31', source: CATHAI },
  { text: 'Từ Quý IV/2023 đến Quý I/2024', plan: 2023, reading: 'fixed range 2023-10-01..2024-03-31', source: CATHAI },
  { text: 'Cả năm 2023', plan: 2023, reading: 'fixed year 2023-01-01..2023-12-31', source: CATHAI },
  { text: 'Cả năm 2022', plan: 2023, reading: 'fixed year 2022-01-01..2022-12-31', source: CATHAI },
  // prose: "(báo cáo quý, 6 tháng, năm gửi trước ngày 08 tháng cuối của quý)"
  { text: 'gửi trước ngày 08 tháng cuối của quý', plan: 2023, reading: 'recurring quarterly day 8', source: `${CATHAI_PROSE}, IV.c` },
  { text: 'báo cáo quý, 6 tháng, năm gửi trước ngày 08 tháng cuối của quý', plan: 2023, reading: 'unparsed', source: `${CATHAI_PROSE}, IV.c (the reports listed before the deadline)` },
  { text: 'định kỳ và đột xuất', plan: 2023, reading: 'recurring periodic || on-request', source: `${CATHAI_PROSE}, II.5` },
  { text: 'hàng năm', plan: 2023, reading: 'recurring yearly', source: `${CATHAI_PROSE}, I.4` },

  // ── Hà Giang 2024: the deadline column, every distinct cell ──
  {
    text: '- Kế hoạch trong quý IV năm trước liền kề năm kế hoạch;\n- Báo cáo trước ngày 20/12',
    plan: 2024,
    reading: 'fixed quarter 2023-10-01..2023-12-31 || fixed date 2024-01-01..2024-12-20',
    source: `${HAGIANG}, 1.1`,
  },
  {
    text: '- Trước ngày 20/3/2024;\n- Trước ngày 20/6/2024;\n- Trước ngày 20/9/2024;\n- Trước ngày 20/12/2024.',
    plan: 2024,
    reading: 'fixed date 2024-01-01..2024-03-20 || fixed date 2024-01-01..2024-06-20 || fixed date 2024-01-01..2024-09-20 || fixed date 2024-01-01..2024-12-20',
    source: `${HAGIANG}, 1.2`,
  },
  { text: 'Quý II và Quý III', plan: 2024, reading: 'fixed quarter 2024-04-01..2024-06-30 || fixed quarter 2024-07-01..2024-09-30', source: `${HAGIANG}, 1.3.1` },
  { text: 'Quý IV', plan: 2024, reading: 'fixed quarter 2024-10-01..2024-12-31', source: `${HAGIANG}, 1.3.2` },
  { text: 'Trước ngày 20/12/2024', plan: 2024, reading: 'fixed date 2024-01-01..2024-12-20', source: `${HAGIANG}, 1.4` },
  { text: 'Trong năm 2024', plan: 2024, reading: 'fixed year 2024-01-01..2024-12-31', source: `${HAGIANG}, 1.5 and most rows` },
  { text: 'Theo yêu cầu nhiệm vụ', plan: 2024, reading: 'on-request', source: `${HAGIANG}, 1.5` },
  { text: 'Trước ngày 31/01 năm 2025', plan: 2024, reading: 'fixed date 2025-01-01..2025-01-31', source: `${HAGIANG}, 4.1` },
  // the product column lists the reports of 1.2 by period; "6 tháng" alone names no half
  {
    text: '- Quý I:\n- 6 tháng;\n- Quý III;\n- Cả năm',
    plan: 2024,
    reading: 'fixed quarter 2024-01-01..2024-03-31 || unparsed || fixed quarter 2024-07-01..2024-09-30 || fixed year 2024-01-01..2024-12-31',
    source: `${HAGIANG_PRODUCT}, 1.2`,
  },
  { text: 'Cả năm', plan: 2024, reading: 'fixed year 2024-01-01..2024-12-31', source: `${HAGIANG_PRODUCT}, 1.3.1` },
  { text: 'Trong năm:', plan: 2024, reading: 'fixed year 2024-01-01..2024-12-31', source: `${HAGIANG_PRODUCT}, 4.2 (Chất lượng/ Nội dung)` },
  // prose
  { text: 'Định kỳ hàng quý, 6 tháng, năm', plan: 2024, reading: 'recurring quarterly || recurring half-yearly || recurring yearly', source: `${HAGIANG_PROSE}, III` },
  {
    text: 'Định kỳ hàng quý, 6 tháng, năm báo cáo việc triển khai thực hiện các nội dung trong Kế hoạch này',
    plan: 2024,
    reading: 'unparsed',
    source: `${HAGIANG_PROSE}, III (the sentence)`,
  },
  { text: 'giai đoạn 2022-2030', plan: 2024, reading: 'fixed range 2022-01-01..2030-12-31', source: HAGIANG_PROSE },
  { text: 'giai đoạn 2021- 2025', plan: 2024, reading: 'fixed range 2021-01-01..2025-12-31', source: HAGIANG_PROSE },

  // ── Bình Định: a directive without a plan year ──
  { text: 'Hàng năm', plan: null, reading: 'recurring yearly', source: `${BINHDINH}, 1.b` },
  { text: 'Định kỳ hàng quý, 6 tháng, năm', plan: null, reading: 'recurring quarterly || recurring half-yearly || recurring yearly', source: BINHDINH },
  { text: 'Định kỳ hàng quý, 6 tháng, năm báo cáo kết quả', plan: null, reading: 'unparsed', source: `${BINHDINH} (the sentence)` },
];
