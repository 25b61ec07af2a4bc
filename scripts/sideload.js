#!/usr/bin/env node
'use strict';
/**
 * Registers manifest.xml with desktop Excel for development, without extra packages:
 *   Windows: the developer registry key Office reads at start (HKCU\Software\Microsoft\Office\16.0\WEF\Developer)
 *   macOS:   a copy in Excel's "wef" folder
 *   Linux:   no desktop Excel — prints how to upload the manifest to Excel on the web instead.
 * `node scripts/sideload.js --remove` undoes it. `--dry-run` prints what it would do.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const MANIFEST = path.resolve(__dirname, '..', 'manifest.xml');

function addinId(xml) {
  const m = /<Id>\s*([0-9a-fA-F-]{36})\s*<\/Id>/.exec(xml);
  if (!m) throw new Error('manifest.xml has no <Id> GUID');
  return m[1];
}

/** The actions for a platform, as data (so they can be tested on any machine). */
function plan(platform, { manifest = MANIFEST, id, home = os.homedir(), remove = false } = {}) {
  if (platform === 'win32') {
    const key = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';
    return remove
      ? [{ run: ['reg', ['delete', key, '/v', id, '/f']] }]
      : [{ run: ['reg', ['add', key, '/v', id, '/t', 'REG_SZ', '/d', manifest, '/f']] }];
  }
  if (platform === 'darwin') {
    const dir = path.join(home, 'Library', 'Containers', 'com.microsoft.Excel', 'Data', 'Documents', 'wef');
    const target = path.join(dir, `${id}.manifest.xml`);
    return remove ? [{ remove: target }] : [{ mkdir: dir }, { copy: [manifest, target] }];
  }
  return [
    {
      say:
        'Không có Excel cho máy tính trên Linux. Mở Excel trên web → Trang đầu → Bổ trợ → Bổ trợ của tôi → Tải lên bổ trợ của tôi → chọn manifest.xml.\n' +
        'No desktop Excel on Linux. In Excel on the web: Home → Add-ins → My Add-ins → Upload My Add-in → choose manifest.xml.',
    },
  ];
}

function main(argv) {
  const remove = argv.includes('--remove');
  const dry = argv.includes('--dry-run');
  const id = addinId(fs.readFileSync(MANIFEST, 'utf8'));
  for (const step of plan(process.platform, { id, remove })) {
    if (dry) {
      console.log(JSON.stringify(step));
      continue;
    }
    if (step.say) console.log(step.say);
    if (step.mkdir) fs.mkdirSync(step.mkdir, { recursive: true });
    if (step.copy) fs.copyFileSync(step.copy[0], step.copy[1]);
    if (step.remove && fs.existsSync(step.remove)) fs.unlinkSync(step.remove);
    if (step.run) execFileSync(step.run[0], step.run[1], { stdio: 'inherit' });
  }
  if (!dry && process.platform !== 'linux')
    console.log(remove ? 'phuluc: đã gỡ đăng ký bổ trợ. / add-in unregistered.' : 'phuluc: đã đăng ký manifest.xml; khởi động lại Excel, nút "Phụ lục" nằm ở thẻ Trang đầu. / manifest registered; restart Excel and find the "Phụ lục" group on the Home tab.');
}

module.exports = { plan, addinId };
if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`phuluc sideload: ${e.message}`);
    process.exit(1);
  }
}
