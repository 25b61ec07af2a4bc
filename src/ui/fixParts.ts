/** The fix features loaded on demand (./lazyParts.ts `fixParts`): the preview, «Đã sửa», and the write actions. */
export { FixPreview } from './FixPreview';
export { FixesPanel } from './FixesPanel';
export { runFix, runIgnore, runUndoFix, runUnignore } from './fixActions';
