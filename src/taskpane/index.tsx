/**
 * Task pane entry (placeholder — to be replaced by the real pane). Importing the commands module registers
 * the ribbon functions in this same shared runtime (see manifest.xml).
 */
import '../commands/commands';
import { createRoot } from 'react-dom/client';
import { FluentProvider, Title3, webLightTheme } from '@fluentui/react-components';

function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title3 as="h1">Phụ lục — Kiểm tra</Title3>
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container && !(window as Window & { phulucLegacyWebview?: boolean }).phulucLegacyWebview) {
  createRoot(container).render(<App />);
}
