/**
 * A faithful fake of the part of the Excel object model the adapter uses — faithful where real Excel is less kind
 * than a fake would be. The model is in ./fake/model.ts, the application and its request context (sync, limits,
 * failures, undo, events) in ./fake/context.ts, the proxies in ./fake/objects.ts (ranges, fills) and
 * ./fake/workbook.ts (notes, comments, names, settings, worksheets). Each real behaviour cites where it
 * was seen: an Office add-ins doc page or an OfficeDev/office-js issue.
 *
 * - proxies: nothing happens until `context.sync()`; every method call / property write is queued in order;
 * - load-before-read: reading a property (or `isNullObject`, or a ClientResult's value) that was not loaded and
 *   synced throws "PropertyNotLoaded" / "ValueNotLoaded", like Office.js;
 * - *OrNullObject: `isNullObject` after sync; `getItem` of something missing fails the sync with "ItemNotFound";
 *   `getUsedRange` gives A1 on a blank sheet, like Office.js;
 * - a failing operation fails the sync: operations queued before it stay applied, later ones are dropped;
 *   `failure` / `failures` inject a failure after the n-th operation of a given sync;
 * - payload limits: a sync over 5 MB fails "RequestPayloadSizeLimitExceeded" / "ResponsePayloadSizeLimitExceeded",
 *   or — on the web — a bare "GeneralException" (office-js #1314); a range read over `maxRangeCells` comes back null
 *   or fails "RangeExceedsLimit";
 * - addresses: getRanges over 8 192 characters fails InvalidArgument (#5198); a loaded RangeAreas.address over 8 192
 *   characters is cut silently; getMergedAreas over 512 areas fails;
 * - fills: No Fill reads as "#FFFFFF" with tintAndShade null, a solid fill reads with pattern null (#4900, #6218);
 *   `null` is refused as a fill property and gradients cannot be set (docs: blank and null values);
 * - notes (ExcelApi 1.18) and threaded comments (1.10; getItemOrNullObject only from 1.14): a cell holds one or the
 *   other; both move with their cell;
 * - defined names and Workbook.settings (1.4; about 2 MB in all, #621 / #3957);
 * - the user's structural edits (insertRows, deleteRows, insertColumns, deleteColumns, renameSheet) move cells, fills,
 *   merges, notes, comments and names, and turn deleted references of a name into #REF!;
 * - undo: before ExcelApi 1.20 every write empties the undo stack; from 1.20 each sync (or each merged run) is one
 *   record; unsupported APIs (Worksheet.delete …) empty it; so does document.settings.saveAsync (#3141, in the e2e
 *   harness, which owns Office.context);
 * - events: worksheets.onChanged (1.9) with triggerSource from 1.14; none for the add-in's writes while
 *   runtime.enableEvents is false (1.8);
 * - cell-edit mode fails a batch unless it runs with delayForCellEdit;
 * - API sets: calls above `apiVersion` fail the sync with "ApiNotFound"; a protected sheet rejects writes with
 *   "AccessDenied".
 * It counts syncs, records each sync's payload sizes and every write.
 */
export * from './fake/model';
export * from './fake/context';
export { FakeRange } from './fake/objects';
export { FakeWorksheet } from './fake/workbook';
