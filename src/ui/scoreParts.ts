/** The score features loaded on demand (./lazyParts.ts `scoreParts`): So sánh, the appraisal panel, the bảng giải trình. */
export { ComparePanel } from './ComparePanel';
export { AppraisalPanel } from './AppraisalPanel';
export { runCompareSheets, runExplanationSheet } from './scoreActions';
