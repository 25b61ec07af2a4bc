/**
 * Offline manifest validation. `office-addin-manifest validate` needs the network, so
 * scripts/validate-manifest.js does the checks that can be decided locally; this file runs it on the real
 * manifest and on deliberately broken copies, each of which must produce its specific error.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

type ValidateOptions = { assetsDir?: string; baseUrl?: string; webRoot?: string };
interface RibbonButton {
  id: string;
  action: 'ExecuteFunction' | 'ShowTaskpane';
  functionName?: string;
}

// Plain CommonJS scripts (also run by node directly), so they are required rather than imported.
const { validateManifest, RIBBON_BUTTONS } = require('../scripts/validate-manifest') as {
  validateManifest: (xml: string, options?: ValidateOptions) => string[];
  RIBBON_BUTTONS: RibbonButton[];
};
const { iconList } = require('../scripts/make-icons') as { iconList: () => [string, number, number[], unknown][] };
const webpackConfig = require('../webpack.config') as {
  DEV_URL: string;
  CSP_TASKPANE: string;
  CSP_PREVIEW: string;
  checkAddinUrl: (value: string) => string;
  productionManifest: (xml: string, addinUrl: string) => string;
};

const ROOT = path.join(__dirname, '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const ASSETS = path.join(ROOT, 'assets');
const MANIFEST = fs.readFileSync(MANIFEST_PATH, 'utf8');

const validate = (xml: string, options: ValidateOptions = { assetsDir: ASSETS }) => validateManifest(xml, options);

/** Replace exactly one occurrence, so a mutation that silently stops matching fails loudly. */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from.source, 'g')) || []).length;
  if (count !== 1) throw new Error(`mutation target found ${count} times: ${String(from)}`);
  return xml.replace(from, to);
}

describe('manifest.xml', () => {
  test('passes the offline validation', () => {
    expect(validate(MANIFEST)).toEqual([]);
  });

  test('office-addin-manifest reads it the same way (its offline `info` path)', () => {
    // In a child node process: office-addin-manifest pulls in ES-module-only dependencies that jest's
    // CommonJS runtime cannot load (hence the moduleNameMapper in jest.config.js).
    const script =
      "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
      '.then((m) => process.stdout.write(JSON.stringify(m)), (e) => { console.error(e); process.exit(1); })';
    const info = JSON.parse(execFileSync(process.execPath, ['-e', script, MANIFEST_PATH], { cwd: ROOT, encoding: 'utf8' })) as {
      officeAppType?: string;
      id?: string;
      version?: string;
      providerName?: string;
      defaultLocale?: string;
      hosts?: string[];
      permissions?: string;
      defaultSettings?: { sourceLocation?: string };
    };
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.version).toBe('1.0.0.0');
    expect(info.providerName).toBe('phuluc');
    expect(info.defaultLocale).toBe('vi-VN');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
  });

  test('every ribbon function is registered by src/commands/commands.ts', () => {
    const source = fs.readFileSync(path.join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8');
    const functions = RIBBON_BUTTONS.filter((b) => b.action === 'ExecuteFunction').map((b) => b.functionName);
    expect(functions).toEqual(['checkActiveSheet', 'recalcScores', 'clearMarks']);
    expect(source).toMatch(/Office\.actions\.associate\(/);
    for (const name of functions) expect(source).toMatch(new RegExp(`['"\`]${name}['"\`]`));
  });

  test('the committed icons are what scripts/make-icons.js generates', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-icons-'));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-icons.js'), dir], { encoding: 'utf8' });
      const generated = fs.readdirSync(dir).sort();
      expect(generated).toEqual(iconList().map(([file]) => file).sort());
      for (const file of generated) {
        const same = fs.readFileSync(path.join(dir, file)).equals(fs.readFileSync(path.join(ASSETS, file)));
        expect({ file, same }).toEqual({ file, same: true });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('broken copies produce their specific error', () => {
  const cases: [string, (xml: string) => string, string | RegExp][] = [
    ['malformed XML (unclosed element)', (x) => mutate(x, '</Hosts>\n  <Requirements>', '</Host>\n  <Requirements>'), /^malformed XML: /],
    ['malformed XML ("--" inside a comment)', (x) => mutate(x, 'Check offline with:', 'Check offline --with:'), /^malformed XML: .*comment/i],
    ['Id is not a GUID', (x) => mutate(x, /<Id>[^<]*<\/Id>/, '<Id>phuluc-addin</Id>'), '<Id> must be a GUID, got "phuluc-addin"'],
    ['Version is not n.n.n.n', (x) => mutate(x, '<Version>1.0.0.0</Version>', '<Version>1.0</Version>'), '<Version> must be n.n.n.n, got "1.0"'],
    ['DefaultLocale missing', (x) => mutate(x, '  <DefaultLocale>vi-VN</DefaultLocale>\n', ''), 'missing <DefaultLocale>'],
    ['Hosts without Workbook', (x) => mutate(x, '<Host Name="Workbook"/>', '<Host Name="Document"/>'), '<Hosts> must contain <Host Name="Workbook">'],
    ['Permissions not ReadWriteDocument', (x) => mutate(x, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteDocument ReadAllDocument</Permissions>'), '<Permissions> must be ReadWriteDocument'],
    ['ExcelApi minimum changed', (x) => mutate(x, '<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.1"/>'), 'ExcelApi MinVersion must be 1.7'],
    ['http URL', (x) => mutate(x, 'id="Taskpane.Url" DefaultValue="https://', 'id="Taskpane.Url" DefaultValue="http://'), 'URL must be https: "http://localhost:3000/taskpane.html"'],
    ['http icon URL in the base manifest', (x) => mutate(x, '<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'), 'URL must be https: "http://localhost:3000/assets/icon-32.png"'],
    ['missing resid (label)', (x) => mutate(x, '<Label resid="Recalc.Label"/>', '<Label resid="Recalc.Missing"/>'), /resid "Recalc\.Missing" referenced by <Label> .* is not defined in <bt:ShortStrings>/],
    ['missing resid (image definition removed)', (x) => mutate(x, /\s*<bt:Image id="Check\.80x80"[^>]*\/>/, ''), /resid "Check\.80x80" referenced by <Image> .* is not defined in <bt:Images>/],
    ['resid in the wrong table (tooltip pointing at a short string)', (x) => mutate(x, '<Description resid="Clear.Tooltip"/>', '<Description resid="Clear.Label"/>'), /resid "Clear\.Label" referenced by <Description> .* is not defined in <bt:LongStrings>/],
    ['missing Runtime URL', (x) => mutate(x, /\s*<bt:Url id="Taskpane\.Url"[^>]*\/>/, ''), /resid "Taskpane\.Url" referenced by <Runtime>/],
    ['missing icon file', (x) => mutate(x, 'assets/clear-32.png', 'assets/missing-32.png'), 'image file missing: assets/missing-32.png'],
    ['icon with the wrong pixel size', (x) => mutate(x, 'assets/pane-80.png', 'assets/pane-32.png'), 'image assets/pane-32.png is 32×32 but <bt:Image size="80"> "Pane.80x80" expects 80×80'],
    ['button removed', (x) => mutate(x, /\s*<Control xsi:type="Button" id="Phuluc\.ClearMarks">[\s\S]*?<\/Control>/, ''), 'ribbon: missing button "Phuluc.ClearMarks"'],
    ['function renamed', (x) => mutate(x, '<FunctionName>recalcScores</FunctionName>', '<FunctionName>recalc</FunctionName>'), 'ribbon: button "Phuluc.Recalc" must run function "recalcScores", found "recalc"'],
    ['ribbon on another tab', (x) => mutate(x, '<OfficeTab id="TabHome">', '<OfficeTab id="TabData">'), 'ribbon: missing <OfficeTab id="TabHome">'],
    ['SharedRuntime requirement missing', (x) => mutate(x, '<bt:Set Name="SharedRuntime" MinVersion="1.1"/>', '<bt:Set Name="AddinCommands" MinVersion="1.1"/>'), 'missing SharedRuntime 1.1 requirement'],
    ['short-lived runtime', (x) => mutate(x, 'lifetime="long"', 'lifetime="short"'), '<Runtime> must have lifetime="long"'],
    ['FunctionFile on another page', (x) => mutate(x, '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="LearnMore.Url"/>'), '<FunctionFile resid="LearnMore.Url"> must equal the <Runtime> resid "Taskpane.Url"'],
    ['elements out of order', (x) => mutate(x, '<Version>1.0.0.0</Version>\n  <ProviderName>phuluc</ProviderName>', '<ProviderName>phuluc</ProviderName>\n  <Version>1.0.0.0</Version>'), 'element <Version> is out of order'],
    ['label without its English override', (x) => mutate(x, /\s*<bt:Override Locale="en-US" Value="Open the check pane"\/>/, ''), 'string "Pane.Label" has no en-US <Override>'],
    ['decomposed (NFD) Vietnamese text', (x) => mutate(x, 'DefaultValue="Tính lại điểm"', `DefaultValue="${'Tính lại điểm'.normalize('NFD')}"`), 'string "Recalc.Label" (default) is not NFC-normalized'],
    ['custom functions: Page on another URL than the runtime', (x) => mutate(x, '<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>'), 'custom functions: <Page><SourceLocation resid="Functions.Script.Url"> must equal the <Runtime> resid "Taskpane.Url"'],
    ['custom functions removed', (x) => mutate(x, /\s*<AllFormFactors>[\s\S]*?<\/AllFormFactors>/, ''), 'custom functions: expected one <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions">'],
    ['custom functions: another namespace', (x) => mutate(x, '<bt:String id="Functions.Namespace" DefaultValue="PHULUC">', '<bt:String id="Functions.Namespace" DefaultValue="CONTOSO">'), 'custom functions: the namespace must be "PHULUC" in every locale'],
    ['custom functions: metadata elsewhere', (x) => mutate(x, 'localhost:3000/functions.json', 'localhost:3000/metadata.json'), 'custom functions: <Metadata> must point at https://localhost:3000/functions.json, found "https://localhost:3000/metadata.json"'],
    ['custom functions: Page before Script', (x) => mutate(x, /(<Script>[\s\S]*?<\/Script>)(\s*)(<Page>[\s\S]*?<\/Page>)/, '$3$2$1'), 'must hold <Script>, <Page>, <Metadata>, <Namespace> in this order, found <Page>, <Script>, <Metadata>, <Namespace>'],
    ['custom functions: namespace string missing', (x) => mutate(x, /\s*<bt:String id="Functions\.Namespace"[\s\S]*?<\/bt:String>/, ''), /resid "Functions\.Namespace" referenced by <Namespace> .* is not defined in <bt:ShortStrings>/],
    ['SupportUrl missing', (x) => mutate(x, /\s*<SupportUrl [^>]*\/>/, ''), 'missing <SupportUrl DefaultValue="https://localhost:3000/huong-dan.html"> (the help page)'],
    ['LearnMoreUrl back on the pane', (x) => mutate(x, 'id="LearnMore.Url" DefaultValue="https://localhost:3000/huong-dan.html"', 'id="LearnMore.Url" DefaultValue="https://localhost:3000/taskpane.html"'), '<LearnMoreUrl resid="LearnMore.Url"> must be the help page https://localhost:3000/huong-dan.html, found "https://localhost:3000/taskpane.html"'],
    ['SupportUrl out of order', (x) => mutate(x, /(\s*<SupportUrl [^>]*\/>)([\s\S]*?<\/Hosts>)/, '$2$1'), 'element <SupportUrl> is out of order'],
    ['resid over 32 characters', (x) => mutate(x, '<Title resid="GetStarted.Title"/>', '<Title resid="GetStarted.Title.ThatIsFarTooLongToBeValid"/>'), 'is longer than 32 characters'],
  ];

  test.each(cases)('%s', (_name, breakIt, expected) => {
    const broken = breakIt(MANIFEST);
    expect(broken).not.toBe(MANIFEST);
    const errors = validate(broken);
    expect(errors.length).toBeGreaterThan(0);
    if (typeof expected === 'string') {
      expect(errors.some((e) => e.includes(expected))).toBe(true);
    } else {
      expect(errors.some((e) => expected.test(e))).toBe(true);
    }
  });

  test('malformed XML yields exactly one error and no crash', () => {
    expect(validate('<OfficeApp><Id>')).toEqual([expect.stringMatching(/^malformed XML: /)]);
    expect(validate('')).toEqual(['malformed XML: empty document']);
  });

  test('--web-root: a page or file the manifest names but the build lacks is reported', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-web-'));
    try {
      fs.mkdirSync(path.join(dir, 'assets'));
      for (const f of fs.readdirSync(ASSETS)) fs.copyFileSync(path.join(ASSETS, f), path.join(dir, 'assets', f));
      for (const f of ['taskpane.html', 'huong-dan.html', 'functions.js']) fs.writeFileSync(path.join(dir, f), '');
      expect(validate(MANIFEST, { assetsDir: path.join(dir, 'assets'), webRoot: dir })).toEqual([
        expect.stringContaining('file missing from the build: functions.json (for https://localhost:3000/functions.json'),
      ]);
      fs.writeFileSync(path.join(dir, 'functions.json'), '{}');
      expect(validate(MANIFEST, { assetsDir: path.join(dir, 'assets'), webRoot: dir })).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an icon file deleted from disk is reported', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phuluc-assets-'));
    try {
      for (const f of fs.readdirSync(ASSETS)) if (f !== 'check-16.png') fs.copyFileSync(path.join(ASSETS, f), path.join(dir, f));
      const errors = validate(MANIFEST, { assetsDir: dir });
      expect(errors).toEqual([expect.stringContaining(`image file missing: ${path.basename(dir)}/check-16.png`)]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('production manifest (ADDIN_URL)', () => {
  const url = 'https://example.org/phuluc/';

  test('every dev URL is replaced and the result still validates', () => {
    const prod = webpackConfig.productionManifest(MANIFEST, url);
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toContain(`<SourceLocation DefaultValue="${url}taskpane.html"/>`);
    expect(prod).toContain(`${url}assets/icon-80.png`);
    expect(prod).toContain(`<SupportUrl DefaultValue="${url}huong-dan.html"/>`);
    expect(prod).toContain(`<bt:Url id="LearnMore.Url" DefaultValue="${url}huong-dan.html"/>`);
    expect(prod).toContain(`<bt:Url id="Functions.Script.Url" DefaultValue="${url}functions.js"/>`);
    expect(prod).toContain(`<bt:Url id="Functions.Metadata.Url" DefaultValue="${url}functions.json"/>`);
    // the base URL is derived from the pane's SourceLocation; icons are looked up in assets/
    expect(validate(prod)).toEqual([]);
  });

  test('ADDIN_URL must be https and end with "/"', () => {
    expect(webpackConfig.checkAddinUrl(url)).toBe(url);
    expect(() => webpackConfig.checkAddinUrl('http://example.org/phuluc/')).toThrow(/https/);
    expect(() => webpackConfig.checkAddinUrl('https://example.org/phuluc')).toThrow(/end with "\/"/);
    expect(() => webpackConfig.checkAddinUrl('example.org/phuluc/')).toThrow(/not a URL/);
  });
});

describe('pages', () => {
  test('taskpane.html: office.js from the CDN, no inline script, CSP from the build', () => {
    const html = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1].trim())).toEqual([
      'src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"',
      'src="assets/legacy-check.js"',
    ]);
    expect(scripts.every((m) => m[2].trim() === '')).toBe(true);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="<%= htmlWebpackPlugin\.options\.csp %>"/);
    expect(html).toMatch(/<div id="legacy"/);
    expect(html).toMatch(/<div id="root"><\/div>/);
  });

  test('CSP: scripts only from self and appsforoffice, no eval', () => {
    const directives = Object.fromEntries(
      webpackConfig.CSP_TASKPANE.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]),
    );
    expect(directives['script-src']).toBe("'self' https://appsforoffice.microsoft.com");
    expect(directives['style-src']).toBe("'self' 'unsafe-inline'");
    expect(directives['connect-src']).toBe("'self'");
    expect(directives['img-src']).toBe("'self' data:");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['base-uri']).toBe("'self'");
    expect(webpackConfig.CSP_TASKPANE).not.toMatch(/unsafe-eval/);
    expect(webpackConfig.CSP_PREVIEW).toMatch(/script-src 'self';/);
  });

  test('assets/legacy-check.js is plain ES5', () => {
    const js = fs.readFileSync(path.join(ASSETS, 'legacy-check.js'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(js).not.toMatch(/=>|`|\blet\b|\bconst\b|\bclass\b|\.\.\./);
    expect(js).toMatch(/documentMode/);
    expect(js).toMatch(/Edge\//);
  });
});
