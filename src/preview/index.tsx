/** Preview page entry (placeholder): the pane in a plain browser over an .xlsx file — under construction. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, Title3, webLightTheme } from '@fluentui/react-components';

function Preview() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title3 as="h1">Xem trước — đang xây dựng</Title3>
      </main>
    </FluentProvider>
  );
}

const container = document.getElementById('root');
if (container) createRoot(container).render(<Preview />);
