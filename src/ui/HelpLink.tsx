/** The link to the help page (huong-dan.html, served next to the pane and the preview page), opened in a new window. */
import { Link } from '@fluentui/react-components';
import type { Lang } from '../core/report';
import { t } from './i18n';

/** Relative to the page, so the same link works under the dev server, a production host and the preview. */
export const HELP_PAGE_URL = 'huong-dan.html';

export function HelpLink({ lang }: { lang: Lang }) {
  return (
    <Link href={HELP_PAGE_URL} target="_blank" rel="noopener noreferrer" title={t('app.helpTitle', lang)}>
      {t('app.help', lang)}
    </Link>
  );
}
