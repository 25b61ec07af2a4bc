/**
 * Task pane entry. Importing the commands module registers the ribbon functions in this same shared runtime
 * (see manifest.xml), and importing the functions module the Excel functions; the pane and the ribbon share one
 * Excel host and one store.
 *
 * IE11 / EdgeHTML never get here in a usable state: assets/legacy-check.js (loaded before this bundle) shows the
 * static #legacy message and sets window.phulucLegacyWebview, and nothing is rendered.
 */
import { setCommandHost } from '../commands/commands';
// registers =PHULUC.BANGCHU, =PHULUC.SO, =PHULUC.HAN, =PHULUC.XEPLOAI in this shared runtime (manifest.xml)
import '../functions/functions';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from '@fluentui/react-components';
import { App } from '../ui/App';
import { t } from '../ui/i18n';
import { createExcelHost } from './excelHost';

function NoOffice() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 12 }}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('office.missing.title', 'vi')}</MessageBarTitle>
            {t('office.missing.body', 'vi')}
          </MessageBarBody>
        </MessageBar>
        <MessageBar intent="warning" layout="multiline" lang="en">
          <MessageBarBody>
            <MessageBarTitle>{t('office.missing.title', 'en')}</MessageBarTitle>
            {t('office.missing.body', 'en')}
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}

function start(root: Root): void {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    // office.js did not load (offline, blocked) or the page was opened outside Office
    root.render(<NoOffice />);
    return;
  }
  Office.onReady()
    .then((info) => {
      if (info.host !== Office.HostType.Excel) {
        root.render(<NoOffice />);
        return;
      }
      const host = createExcelHost();
      setCommandHost(host);
      root.render(<App host={host} />);
    })
    .catch(() => root.render(<NoOffice />));
}

const container = document.getElementById('root');
if (container && !(window as Window & { phulucLegacyWebview?: boolean }).phulucLegacyWebview) {
  start(createRoot(container));
}
