'use strict';
/**
 * HTTPS for the dev server (https://localhost:3000), in order of preference:
 *
 *  1. office-addin-dev-certs' getHttpsServerOptions(): creates the dev CA + localhost certificate in
 *     ~/.office-addin-dev-certs and trusts the CA (Windows, macOS, Linux with sudo). Office needs a trusted
 *     certificate to load the pane.
 *  2. The certificate files themselves, when (1) throws — typically "cannot trust them" (no sudo, no
 *     certificate store). They exist because (1) creates them before it tries to trust them, or because
 *     `npx office-addin-dev-certs install` was run once. Browsers will warn; `curl -k` works.
 *  3. `true`: webpack-dev-server's own self-signed certificate (generated on the fly).
 *
 * httpsOptions() → Promise<{ ca, cert, key } | true>, and prints which one it picked.
 * devServerHttps() → the same, shaped for webpack-dev-server 5's `server` option.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const FILES = {
  ca: path.join(CERT_DIR, 'ca.crt'),
  cert: path.join(CERT_DIR, 'localhost.crt'),
  key: path.join(CERT_DIR, 'localhost.key'),
};

function note(message) {
  process.stderr.write(`[dev-certs] ${message}\n`);
}

function firstLine(err) {
  return String((err && err.message) || err).split('\n').find((l) => l.trim()) || 'unknown error';
}

async function httpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    note(`https: trusted Office dev certificate from ${CERT_DIR}`);
    return options;
  } catch (err) {
    note(`office-addin-dev-certs could not provide trusted certificates: ${firstLine(err)}`);
  }

  if (fs.existsSync(FILES.cert) && fs.existsSync(FILES.key)) {
    const options = { cert: fs.readFileSync(FILES.cert), key: fs.readFileSync(FILES.key) };
    if (fs.existsSync(FILES.ca)) options.ca = fs.readFileSync(FILES.ca);
    note(`https: using the certificate files in ${CERT_DIR} — NOT trusted by this machine.`);
    note(`       Browsers will warn; Office will refuse the pane until ${FILES.ca} is trusted.`);
    return options;
  }

  note('https: no Office dev certificate available — using webpack-dev-server\'s own self-signed certificate.');
  note('       Fine for curl -k and a browser exception; Office needs `npx office-addin-dev-certs install`.');
  return true;
}

/** webpack-dev-server 5 `server` value. */
async function devServerHttps() {
  const options = await httpsOptions();
  return options === true ? { type: 'https' } : { type: 'https', options };
}

module.exports = { httpsOptions, devServerHttps, CERT_DIR };
