#!/usr/bin/env node
'use strict';
/**
 * Offline checks for manifest.xml. `office-addin-manifest validate` needs the network (it posts the
 * manifest to a Microsoft service), so this covers what breaks an add-in most often and can be decided
 * locally: well-formedness, element order, ids and versions, https everywhere, every resid defined in the
 * right resource table, icon files present with the declared pixel size, the ribbon buttons the code
 * expects, the shared-runtime wiring, the Excel functions (CustomFunctions extension point in that same runtime)
 * and the help page (SupportUrl, LearnMoreUrl).
 *
 *   validateManifest(xmlText, { assetsDir, baseUrl, webRoot }) → string[]   (empty = fine)
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--assets-dir DIR] [--base-url URL] [--web-root DIR]
 *     prints one line per error and exits 1, or prints "… OK" and exits 0.
 *     assets dir defaults to <manifest dir>/assets; base URL defaults to the folder of the task pane
 *     SourceLocation, so `node scripts/validate-manifest.js dist/manifest.xml` checks a production build.
 *     --web-root DIR: every URL under the base URL (pages, functions.js/.json, the help page) must be a file in DIR
 *     (npm run validate:dist passes dist/).
 */
const fs = require('fs');
const path = require('path');

/** xml2js is what office-addin-manifest parses with; resolve it through that package if it is not hoisted. */
function loadXml2js() {
  try {
    return require('xml2js');
  } catch {
    const base = path.dirname(require.resolve('office-addin-manifest/package.json'));
    return require(require.resolve('xml2js', { paths: [base] }));
  }
}

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xmlns: 'http://www.w3.org/2000/xmlns/',
};

/** The ribbon contract with src/commands/commands.ts: Home tab, one group, these buttons in this order. */
const RIBBON_TAB = 'TabHome';
const RIBBON_BUTTONS = [
  { id: 'Phuluc.Check', action: 'ExecuteFunction', functionName: 'checkActiveSheet' },
  { id: 'Phuluc.Recalc', action: 'ExecuteFunction', functionName: 'recalcScores' },
  { id: 'Phuluc.ClearMarks', action: 'ExecuteFunction', functionName: 'clearMarks' },
  { id: 'Phuluc.OpenPane', action: 'ShowTaskpane' },
];
const EXCEL_API_MIN = '1.7';
/** The Excel functions: =PHULUC.BANGCHU …, their script and metadata as the build names them (webpack.config.js). */
const FUNCTIONS_NAMESPACE = 'PHULUC';
const FUNCTIONS_SCRIPT = 'functions.js';
const FUNCTIONS_METADATA = 'functions.json';
const CUSTOM_FUNCTIONS_CHILDREN = ['Script', 'Page', 'Metadata', 'Namespace'];
/** The help page (docs/huong-dan.md built by webpack), for SupportUrl and LearnMoreUrl. */
const HELP_PAGE = 'huong-dan.html';
const REQUIRED_LOCALES = ['en-US'];

/** Child order required by the XSDs (see "How to find the proper order of manifest elements"). */
const ORDER = {
  OfficeApp: ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
    'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
    'Permissions', 'Dictionary', 'VersionOverrides', 'ExtendedOverrides'],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
  Host: ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  AllFormFactors: ['ExtensionPoint'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['OverriddenByRibbonApi', 'Label', 'Icon', 'Control'],
  Control: ['OverriddenByRibbonApi', 'Label', 'Supertip', 'Icon', 'Action', 'Enabled', 'Items'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title', 'FunctionName'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
};

/** Which resource table a resid must live in, by the local name of the referencing element. */
const RESID_TABLE = {
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
  Image: 'Images',
  SourceLocation: 'Urls',
  Runtime: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Namespace: 'ShortStrings',
};
const MAX_LEN = { ShortStrings: 125, LongStrings: 250 };
const RIBBON_ICON_SIZES = [16, 32, 80];

// ------------------------------------------------------------------------------------------ parsing

/**
 * Parse with xml2js (sax in strict mode, namespace-aware) into plain nodes:
 * { name: local name, uri, qname, attrs: { localName | 'xsi:type': value }, text, children, parent }.
 * Throws on malformed XML.
 */
function parseXml(xmlText) {
  const xml2js = loadXml2js();
  const parser = new xml2js.Parser({
    xmlns: true,
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitArray: true,
    async: false,
  });
  let result;
  let failure;
  let called = false;
  parser.parseString(xmlText, (err, res) => {
    called = true;
    failure = err;
    result = res;
  });
  if (!called) throw new Error('the XML parser did not finish synchronously');
  if (failure) throw failure;
  if (!result || typeof result !== 'object' || Object.keys(result).length === 0) throw new Error('empty document');
  const rootKey = Object.keys(result)[0];
  return convert(result[rootKey], rootKey, null);
}

function convert(raw, qname, parent) {
  const node = {
    qname: raw['#name'] || qname,
    name: raw.$ns ? raw.$ns.local : qname.replace(/^.*:/, ''),
    uri: raw.$ns ? raw.$ns.uri : '',
    attrs: {},
    text: typeof raw._ === 'string' ? raw._.trim() : '',
    children: [],
    parent,
  };
  for (const a of Object.values(raw.$ || {})) {
    if (a.uri === NS.xmlns || a.name === 'xmlns') continue;
    if (a.uri === NS.xsi) node.attrs[`xsi:${a.local}`] = a.value;
    else node.attrs[a.local || a.name] = a.value;
  }
  for (const child of raw.$$ || []) node.children.push(convert(child, child['#name'], node));
  return node;
}

const kids = (node, name) => (node ? node.children.filter((c) => !name || c.name === name) : []);
const kid = (node, name) => kids(node, name)[0];
function* walk(node) {
  yield node;
  for (const c of node.children) yield* walk(c);
}
function where(node) {
  const parts = [];
  for (let n = node; n; n = n.parent) {
    const tag = n.attrs.id ? `${n.name}#${n.attrs.id}` : n.attrs['xsi:type'] ? `${n.name}[${n.attrs['xsi:type']}]` : n.name;
    parts.unshift(tag);
  }
  return parts.join('/');
}

// ------------------------------------------------------------------------------------------- checks

function checkOrder(node, errors) {
  const seq = ORDER[node.name];
  if (!seq) return;
  let last = -1;
  let lastName = '';
  for (const c of node.children) {
    const i = seq.indexOf(c.name);
    if (i < 0) {
      errors.push(`unexpected element <${c.name}> in ${where(node)}`);
    } else if (i < last) {
      errors.push(`element <${c.name}> is out of order in ${where(node)} (it must come before <${lastName}>)`);
    } else {
      last = i;
      lastName = c.name;
    }
  }
}

function isHttpsUrl(value) {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' && !/\s/.test(value);
  } catch {
    return false;
  }
}

/** Width and height from a PNG's IHDR, or null if the bytes are not a PNG. */
function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b) || buf.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * @param {string} xmlText the manifest
 * @param {{ assetsDir?: string, baseUrl?: string }} [options]
 *   assetsDir: where files for `<baseUrl>assets/…` live (omit to skip file checks);
 *   baseUrl:   the add-in's origin + path ending in "/" (default: folder of the task pane SourceLocation)
 * @returns {string[]} human-readable errors; empty when the manifest passes
 */
function validateManifest(xmlText, options = {}) {
  const errors = [];
  let root;
  try {
    root = parseXml(String(xmlText));
  } catch (e) {
    return [`malformed XML: ${String(e && e.message ? e.message : e).split('\n').join(' ')}`];
  }

  // ---- root and base manifest
  if (root.name !== 'OfficeApp' || root.uri !== NS.app) {
    return [`root element must be <OfficeApp> in namespace ${NS.app}, got <${root.qname}> (${root.uri || 'no namespace'})`];
  }
  if (root.attrs['xsi:type'] !== 'TaskPaneApp') errors.push(`OfficeApp xsi:type must be "TaskPaneApp", got "${root.attrs['xsi:type'] || ''}"`);
  for (const n of walk(root)) checkOrder(n, errors);

  const required = (name) => {
    const n = kid(root, name);
    if (!n) errors.push(`missing <${name}>`);
    return n;
  };
  const id = required('Id');
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.text)) {
    errors.push(`<Id> must be a GUID, got "${id.text}"`);
  }
  const version = required('Version');
  if (version && !/^\d{1,5}(\.\d{1,5}){3}$/.test(version.text)) errors.push(`<Version> must be n.n.n.n, got "${version.text}"`);
  const provider = required('ProviderName');
  if (provider && !provider.text) errors.push('<ProviderName> is empty');
  const locale = required('DefaultLocale');
  if (locale && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale.text)) errors.push(`<DefaultLocale> must be a culture name like vi-VN, got "${locale.text}"`);

  const localized = []; // [node, maxLen, label] for locale-aware settings and bt:Strings
  for (const [name, max] of [['DisplayName', 125], ['Description', 250]]) {
    const n = required(name);
    if (!n) continue;
    if (!n.attrs.DefaultValue) errors.push(`<${name}> has no DefaultValue`);
    localized.push([n, max, `<${name}>`]);
  }

  const hosts = kids(kid(root, 'Hosts'), 'Host').map((h) => h.attrs.Name);
  if (!hosts.includes('Workbook')) errors.push(`<Hosts> must contain <Host Name="Workbook">, found [${hosts.join(', ')}]`);

  const sets = kids(kid(kid(root, 'Requirements'), 'Sets'), 'Set');
  const excelApi = sets.find((s) => s.attrs.Name === 'ExcelApi');
  if (!excelApi) errors.push(`<Requirements> must require the ExcelApi set (MinVersion ${EXCEL_API_MIN})`);
  else if (excelApi.attrs.MinVersion !== EXCEL_API_MIN) {
    errors.push(`<Requirements> ExcelApi MinVersion must be ${EXCEL_API_MIN}, got "${excelApi.attrs.MinVersion || ''}"`);
  }

  const baseSource = kid(kid(root, 'DefaultSettings'), 'SourceLocation');
  if (!baseSource || !baseSource.attrs.DefaultValue) errors.push('missing <DefaultSettings><SourceLocation DefaultValue="…">');

  const perms = required('Permissions');
  if (perms && perms.text !== 'ReadWriteDocument') errors.push(`<Permissions> must be ReadWriteDocument, got "${perms.text}"`);

  // ---- every URL is https (attribute values and texts that look like absolute URLs, plus the URL slots)
  for (const n of walk(root)) {
    const values = Object.entries(n.attrs).filter(([k]) => k !== 'xsi:type');
    if (n.text) values.push(['#text', n.text]);
    for (const [attr, value] of values) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !isHttpsUrl(value)) {
        errors.push(`URL must be https: "${value}" (${where(n)} ${attr})`);
      }
    }
  }
  const urlSlots = ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].map((name) => kid(root, name)).filter(Boolean);
  if (baseSource) urlSlots.push(baseSource);
  for (const n of urlSlots) {
    const values = [n.attrs.DefaultValue, ...kids(n, 'Override').map((o) => o.attrs.Value)];
    for (const v of values) {
      if (v !== undefined && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) errors.push(`URL must be https: "${v}" (${where(n)} is not an absolute URL)`);
    }
  }

  // ---- VersionOverrides
  const vo = kid(root, 'VersionOverrides');
  if (!vo) {
    errors.push('missing <VersionOverrides> (ribbon buttons and the shared runtime live there)');
    return finish(errors, localized);
  }
  if (vo.uri !== NS.ov || vo.attrs['xsi:type'] !== 'VersionOverridesV1_0') {
    errors.push(`<VersionOverrides> must be xsi:type="VersionOverridesV1_0" in namespace ${NS.ov} (the only version task pane add-ins support)`);
  }
  const voSets = kids(kid(kid(vo, 'Requirements'), 'Sets'), 'Set');
  const shared = voSets.find((s) => s.attrs.Name === 'SharedRuntime');
  if (!shared || shared.attrs.MinVersion !== '1.1') {
    errors.push('missing SharedRuntime 1.1 requirement in <VersionOverrides><Requirements><bt:Sets>');
  }

  // resources
  const resources = kid(vo, 'Resources');
  const tables = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  const allIds = new Set();
  if (!resources) errors.push('missing <Resources> in <VersionOverrides>');
  for (const table of kids(resources)) {
    if (!(table.name in tables) || table.uri !== NS.bt) {
      if (table.name in tables) errors.push(`<${table.name}> in <Resources> must be in the bt: namespace (${NS.bt})`);
      continue;
    }
    for (const entry of kids(table)) {
      const rid = entry.attrs.id;
      if (!rid) {
        errors.push(`resource without id in ${where(table)}`);
        continue;
      }
      if (rid.length > 32) errors.push(`resource id "${rid}" is longer than 32 characters`);
      if (allIds.has(rid)) errors.push(`duplicate resource id "${rid}"`);
      allIds.add(rid);
      tables[table.name].set(rid, entry);
      if (!entry.attrs.DefaultValue) errors.push(`resource "${rid}" has no DefaultValue`);
      if (table.name === 'Urls' || table.name === 'Images') {
        for (const v of [entry.attrs.DefaultValue, ...kids(entry, 'Override').map((o) => o.attrs.Value)]) {
          if (v !== undefined && !isHttpsUrl(v)) errors.push(`URL must be https: "${v}" (resource "${rid}")`);
        }
      } else {
        localized.push([entry, MAX_LEN[table.name], `string "${rid}"`]);
      }
    }
  }

  // every resid resolves, in the table its element needs
  const referenced = [];
  for (const n of walk(vo)) {
    if (n.attrs.resid === undefined || n === resources) continue;
    const tableName = RESID_TABLE[n.name];
    const rid = n.attrs.resid;
    referenced.push([n, rid]);
    if (rid.length > 32) errors.push(`resid "${rid}" is longer than 32 characters (${where(n)})`);
    if (!tableName) continue;
    if (!tables[tableName].has(rid)) {
      errors.push(`resid "${rid}" referenced by <${n.name}> at ${where(n)} is not defined in <bt:${tableName}>`);
    }
  }

  // images: files present with the declared size
  const assetsDir = options.assetsDir;
  const baseUrl = options.baseUrl || deriveBaseUrl(baseSource);
  const checkImage = (url, expected, label) => {
    if (!assetsDir || !baseUrl || !url || !url.startsWith(`${baseUrl}assets/`)) return;
    const rel = url.slice(`${baseUrl}assets/`.length).split(/[?#]/)[0];
    const file = path.join(assetsDir, ...rel.split('/'));
    if (!fs.existsSync(file)) {
      errors.push(`image file missing: ${path.join(path.basename(assetsDir), rel)} (for ${url}, ${label})`);
      return;
    }
    const size = pngSize(fs.readFileSync(file));
    if (!size) errors.push(`image file is not a PNG: ${file} (${label})`);
    else if (expected && (size.width !== expected || size.height !== expected)) {
      errors.push(`image ${path.join(path.basename(assetsDir), rel)} is ${size.width}×${size.height} but ${label} expects ${expected}×${expected}`);
    }
  };
  const iconUrl = kid(root, 'IconUrl');
  if (iconUrl) checkImage(iconUrl.attrs.DefaultValue, 32, '<IconUrl>');
  const hiRes = kid(root, 'HighResolutionIconUrl');
  if (hiRes) checkImage(hiRes.attrs.DefaultValue, 64, '<HighResolutionIconUrl>');
  const imageSizes = new Map(); // resid → sizes it is used at
  for (const [n, rid] of referenced) {
    if (n.name !== 'Image') continue;
    const size = Number(n.attrs.size);
    if (!imageSizes.has(rid)) imageSizes.set(rid, new Set());
    imageSizes.get(rid).add(size);
  }
  for (const [rid, entry] of tables.Images) {
    const sizes = [...(imageSizes.get(rid) || [])];
    const expected = sizes.length === 1 ? sizes[0] : undefined;
    if (sizes.length > 1) errors.push(`image resource "${rid}" is used at several sizes (${sizes.join(', ')})`);
    checkImage(entry.attrs.DefaultValue, expected, `<bt:Image size="${expected}"> "${rid}"`);
    for (const o of kids(entry, 'Override')) checkImage(o.attrs.Value, expected, `<bt:Image size="${expected}"> "${rid}" (${o.attrs.Locale})`);
  }

  // workbook host, shared runtime wiring
  const host = kids(kid(vo, 'Hosts'), 'Host').find((h) => h.attrs['xsi:type'] === 'Workbook');
  if (!host) {
    errors.push('missing <Host xsi:type="Workbook"> in <VersionOverrides><Hosts>');
    return finish(errors, localized);
  }
  const runtimes = kids(kid(host, 'Runtimes'), 'Runtime');
  const runtime = runtimes[0];
  if (runtimes.length !== 1) errors.push(`the Workbook host must declare exactly one <Runtime> (found ${runtimes.length})`);
  if (runtime && runtime.attrs.lifetime !== 'long') errors.push(`<Runtime> must have lifetime="long" for a shared runtime, got "${runtime.attrs.lifetime || '(short)'}"`);
  const runtimeResid = runtime && runtime.attrs.resid;
  const desktop = kid(host, 'DesktopFormFactor');
  const functionFile = kid(desktop, 'FunctionFile');
  if (!functionFile) errors.push('missing <FunctionFile> in <DesktopFormFactor> (needed by ExecuteFunction buttons)');
  else if (runtimeResid && functionFile.attrs.resid !== runtimeResid) {
    errors.push(`<FunctionFile resid="${functionFile.attrs.resid}"> must equal the <Runtime> resid "${runtimeResid}" (shared runtime)`);
  }
  const runtimeUrl = runtimeResid && tables.Urls.get(runtimeResid) && tables.Urls.get(runtimeResid).attrs.DefaultValue;
  if (runtimeUrl && baseSource && baseSource.attrs.DefaultValue && baseSource.attrs.DefaultValue !== runtimeUrl) {
    errors.push(`<DefaultSettings><SourceLocation> "${baseSource.attrs.DefaultValue}" differs from the shared runtime URL "${runtimeUrl}"`);
  }

  checkCustomFunctions(host, runtimeResid, tables, baseUrl, errors);
  checkHelpPage(root, tables, baseUrl, errors);
  if (options.webRoot && baseUrl) checkWebRoot(root, tables, baseUrl, options.webRoot, errors);

  // ribbon
  const surface = kids(desktop, 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'PrimaryCommandSurface');
  const tab = kids(surface, 'OfficeTab').find((t) => t.attrs.id === RIBBON_TAB);
  if (!tab) {
    errors.push(`ribbon: missing <OfficeTab id="${RIBBON_TAB}"> in the PrimaryCommandSurface extension point`);
    return finish(errors, localized);
  }
  const groups = kids(tab, 'Group');
  if (groups.length !== 1) errors.push(`ribbon: expected one <Group> on ${RIBBON_TAB}, found ${groups.length}`);
  const controlIds = new Set();
  for (const n of walk(vo)) {
    if ((n.name === 'Group' || n.name === 'Control') && n.attrs.id) {
      if (controlIds.has(n.attrs.id)) errors.push(`duplicate ribbon id "${n.attrs.id}"`);
      controlIds.add(n.attrs.id);
      if (n.attrs.id.length > 125) errors.push(`ribbon id "${n.attrs.id}" is longer than 125 characters`);
    }
  }
  const controls = groups.flatMap((g) => kids(g, 'Control'));
  const found = controls.map((c) => c.attrs.id);
  const wanted = RIBBON_BUTTONS.map((b) => b.id);
  if (found.join('|') !== wanted.join('|')) errors.push(`ribbon: expected buttons [${wanted.join(', ')}] on ${RIBBON_TAB}, found [${found.join(', ')}]`);
  for (const g of groups) checkIcon(g, errors);
  for (const c of controls) {
    if (c.attrs['xsi:type'] !== 'Button') errors.push(`ribbon: ${where(c)} must be xsi:type="Button"`);
    if (!kid(c, 'Label')) errors.push(`ribbon: ${where(c)} has no <Label>`);
    const tip = kid(c, 'Supertip');
    if (!tip || !kid(tip, 'Title') || !kid(tip, 'Description')) errors.push(`ribbon: ${where(c)} needs <Supertip> with <Title> and <Description>`);
    checkIcon(c, errors);
  }
  for (const b of RIBBON_BUTTONS) {
    const c = controls.find((x) => x.attrs.id === b.id);
    if (!c) {
      errors.push(`ribbon: missing button "${b.id}"`);
      continue;
    }
    const action = kid(c, 'Action');
    const type = action && action.attrs['xsi:type'];
    if (type !== b.action) {
      errors.push(`ribbon: button "${b.id}" must have <Action xsi:type="${b.action}">, found "${type || 'none'}"`);
      continue;
    }
    if (b.action === 'ExecuteFunction') {
      const fn = kid(action, 'FunctionName');
      const name = fn ? fn.text : '';
      if (name !== b.functionName) errors.push(`ribbon: button "${b.id}" must run function "${b.functionName}", found "${name}"`);
    } else {
      const src = kid(action, 'SourceLocation');
      if (!kid(action, 'TaskpaneId')) errors.push(`ribbon: button "${b.id}" needs a <TaskpaneId>`);
      if (!src) errors.push(`ribbon: button "${b.id}" needs a <SourceLocation>`);
      else if (runtimeResid && src.attrs.resid !== runtimeResid) {
        errors.push(`ribbon: button "${b.id}" <SourceLocation resid="${src.attrs.resid}"> must equal the <Runtime> resid "${runtimeResid}" (shared runtime)`);
      }
    }
  }

  return finish(errors, localized);
}

/** Where a resource URL id points, or undefined. */
function urlOf(tables, rid) {
  const entry = rid && tables.Urls.get(rid);
  return entry ? entry.attrs.DefaultValue : undefined;
}

/**
 * The Excel functions in the shared runtime: one <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions"> with
 * Script, Page, Metadata, Namespace in that order; the Page is the runtime's page (Excel loads no shared runtime
 * when the resids differ: OfficeDev/office-js#4338 and "Configure your Office Add-in to use a shared runtime"),
 * the script and metadata are the files the build writes, and the namespace is the one the functions are documented
 * under (=PHULUC.BANGCHU).
 */
function checkCustomFunctions(host, runtimeResid, tables, baseUrl, errors) {
  const all = kids(host, 'AllFormFactors');
  const points = all.flatMap((a) => kids(a, 'ExtensionPoint')).filter((e) => e.attrs['xsi:type'] === 'CustomFunctions');
  if (all.length !== 1 || points.length !== 1) {
    errors.push(`custom functions: expected one <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions"> in the Workbook host, found ${points.length}`);
    return;
  }
  const ep = points[0];
  const names = kids(ep).map((c) => c.name);
  if (names.join('|') !== CUSTOM_FUNCTIONS_CHILDREN.join('|')) {
    errors.push(`custom functions: <ExtensionPoint xsi:type="CustomFunctions"> must hold <${CUSTOM_FUNCTIONS_CHILDREN.join('>, <')}> in this order, found <${names.join('>, <')}>`);
  }
  const source = (name) => {
    const el = kid(kid(ep, name), 'SourceLocation');
    if (!el || !el.attrs.resid) errors.push(`custom functions: <${name}> needs a <SourceLocation resid="…">`);
    return el && el.attrs.resid;
  };
  const page = source('Page');
  if (page && runtimeResid && page !== runtimeResid) {
    errors.push(`custom functions: <Page><SourceLocation resid="${page}"> must equal the <Runtime> resid "${runtimeResid}" (shared runtime)`);
  }
  for (const [name, file] of [['Script', FUNCTIONS_SCRIPT], ['Metadata', FUNCTIONS_METADATA]]) {
    const rid = source(name);
    const url = urlOf(tables, rid);
    if (rid && url && baseUrl && url !== `${baseUrl}${file}`) errors.push(`custom functions: <${name}> must point at ${baseUrl}${file}, found "${url}"`);
  }
  const ns = kid(ep, 'Namespace');
  const nsString = ns && ns.attrs.resid && tables.ShortStrings.get(ns.attrs.resid);
  if (!ns || !ns.attrs.resid) errors.push('custom functions: missing <Namespace resid="…">');
  else if (nsString) {
    const values = [nsString.attrs.DefaultValue, ...kids(nsString, 'Override').map((o) => o.attrs.Value)];
    if (values.some((v) => v !== FUNCTIONS_NAMESPACE)) {
      errors.push(`custom functions: the namespace must be "${FUNCTIONS_NAMESPACE}" in every locale (the functions are =${FUNCTIONS_NAMESPACE}.BANGCHU …), found ${values.map((v) => `"${v}"`).join(', ')}`);
    }
  }
}

/** SupportUrl (base manifest) and the GetStarted LearnMoreUrl both open the help page served with the add-in. */
function checkHelpPage(root, tables, baseUrl, errors) {
  if (!baseUrl) return;
  const want = `${baseUrl}${HELP_PAGE}`;
  const support = kid(root, 'SupportUrl');
  if (!support) errors.push(`missing <SupportUrl DefaultValue="${want}"> (the help page)`);
  else if (support.attrs.DefaultValue !== want) errors.push(`<SupportUrl> must be the help page ${want}, found "${support.attrs.DefaultValue || ''}"`);
  const learn = [];
  for (const n of walk(root)) if (n.name === 'LearnMoreUrl' && n.attrs.resid) learn.push(n.attrs.resid);
  for (const rid of learn) {
    const url = urlOf(tables, rid);
    if (url && url !== want) errors.push(`<LearnMoreUrl resid="${rid}"> must be the help page ${want}, found "${url}"`);
  }
}

/** Every URL under the add-in's base URL is a file of the build in `webRoot`. */
function checkWebRoot(root, tables, baseUrl, webRoot, errors) {
  const urls = new Set();
  for (const n of walk(root)) {
    for (const v of [n.attrs.DefaultValue, n.attrs.Value]) if (typeof v === 'string' && v.startsWith(baseUrl)) urls.add(v);
  }
  for (const [, entry] of tables.Urls) if (entry.attrs.DefaultValue) urls.add(entry.attrs.DefaultValue);
  for (const url of [...urls].sort()) {
    if (!url.startsWith(baseUrl)) continue;
    const rel = url.slice(baseUrl.length).split(/[?#]/)[0];
    if (!rel) continue;
    const file = path.join(webRoot, ...rel.split('/'));
    if (!fs.existsSync(file)) errors.push(`file missing from the build: ${rel} (for ${url}, looked in ${webRoot})`);
  }
}

function checkIcon(node, errors) {
  const sizes = kids(kid(node, 'Icon'), 'Image').map((i) => Number(i.attrs.size));
  for (const s of RIBBON_ICON_SIZES) {
    if (!sizes.includes(s)) errors.push(`ribbon: ${where(node)} <Icon> lacks the required size ${s}`);
  }
}

/** String checks that apply to every locale-aware value: length, NFC, and the required translations. */
function finish(errors, localized) {
  for (const [node, max, label] of localized) {
    const values = [['default', node.attrs.DefaultValue]];
    const overrides = kids(node, 'Override');
    for (const o of overrides) values.push([o.attrs.Locale || '?', o.attrs.Value]);
    for (const [loc, v] of values) {
      if (v === undefined) continue;
      if (v.length > max) errors.push(`${label} (${loc}) is ${v.length} characters, the limit is ${max}`);
      if (v !== v.normalize('NFC')) errors.push(`${label} (${loc}) is not NFC-normalized`);
    }
    for (const want of REQUIRED_LOCALES) {
      if (!overrides.some((o) => o.attrs.Locale === want && o.attrs.Value)) errors.push(`${label} has no ${want} <Override>`);
    }
  }
  return errors;
}

function deriveBaseUrl(baseSource) {
  const v = baseSource && baseSource.attrs.DefaultValue;
  try {
    return v ? new URL('.', v).href : undefined;
  } catch {
    return undefined;
  }
}

module.exports = { validateManifest, parseXml, pngSize, RIBBON_BUTTONS, RIBBON_TAB, NS, FUNCTIONS_NAMESPACE, FUNCTIONS_SCRIPT, FUNCTIONS_METADATA, HELP_PAGE };

// ---------------------------------------------------------------------------------------------- CLI

if (require.main === module) {
  const args = process.argv.slice(2);
  let file = 'manifest.xml';
  let assetsDir;
  let baseUrl;
  let webRoot;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--assets-dir') assetsDir = args[++i];
    else if (args[i] === '--web-root') webRoot = path.resolve(args[++i]);
    else if (args[i] === '--base-url') baseUrl = args[++i];
    else if (args[i] === '-h' || args[i] === '--help') {
      process.stdout.write('usage: node scripts/validate-manifest.js [manifest.xml] [--assets-dir DIR] [--base-url https://host/path/] [--web-root DIR]\n');
      process.exit(0);
    } else file = args[i];
  }
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`${file}: cannot read: ${e.message}\n`);
    process.exit(2);
  }
  const errors = validateManifest(text, {
    assetsDir: path.resolve(assetsDir || path.join(path.dirname(file), 'assets')),
    baseUrl,
    webRoot,
  });
  if (errors.length) {
    for (const e of errors) process.stderr.write(`${file}: ${e}\n`);
    process.stderr.write(`${file}: ${errors.length} error(s)\n`);
    process.exit(1);
  }
  process.stdout.write(`${file}: OK\n`);
}
