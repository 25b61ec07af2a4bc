/**
 * The row of file tabs: **Tổng hợp** first, then one tab per file with its status badge. It never widens the page:
 * the tabs that do not fit go into a "+N tệp" menu (Fluent's Overflow), the overview tab and the open file's tab
 * always stay. Each badge has a tooltip and words for screen readers ("3 lỗi", "chưa kiểm tra", "không đọc được").
 */
import {
  Badge,
  Button,
  CounterBadge,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Spinner,
  Tab,
  TabList,
  Tooltip,
  makeStyles,
  tokens,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import type { Lang } from '../core/report';
import { Hidden } from '../ui/Hidden';
import { OVERVIEW, type PreviewController } from './controller';
import type { OverviewRow } from './overview';
import { p } from './strings';

const useStyles = makeStyles({
  // the overflow container: the tab list and, after it, the "+N tệp" button (a tablist may hold only tabs)
  row: { display: 'flex', flexWrap: 'nowrap', alignItems: 'center', minWidth: 0, maxWidth: '100%', overflow: 'hidden' },
  bar: { minWidth: 0, flexShrink: 1, overflow: 'hidden' },
  label: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, maxWidth: '260px' },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  more: { flexShrink: 0, alignSelf: 'center' },
});

/** "3 lỗi, 5 cảnh báo, 2 lưu ý · 12 nhiệm vụ quá hạn" */
export function countsText(c: { errors: number; warnings: number; infos: number; overdue?: number }, lang: Lang): string {
  const parts = [];
  if (c.errors) parts.push(p('count.errors', lang, { n: c.errors }));
  if (c.warnings) parts.push(p('count.warnings', lang, { n: c.warnings }));
  if (c.infos) parts.push(p('count.infos', lang, { n: c.infos }));
  const head = parts.length ? parts.join(', ') : p('count.none', lang);
  return c.overdue ? `${head} · ${p('count.overdue', lang, { n: c.overdue })}` : head;
}

/** The tooltip of a file's tab: what its badge stands for. */
export function fileTip(r: OverviewRow, lang: Lang): string {
  const name = r.name;
  if (r.state === 'loading') return p('tip.loading', lang, { name });
  const s = r.summary;
  if (!s || s.status === 'unreadable') return p('tip.error', lang, { name, reason: r.entry.error?.[lang] ?? s?.message ?? '' });
  if (s.status === 'not-checked') return p('tip.notChecked', lang, { name });
  return p('tip.counts', lang, { name, counts: countsText(s, lang) });
}

/** The badge of a file's tab, with the same words for screen readers. */
export function StatusBadge({ r, lang }: { r: OverviewRow; lang: Lang }) {
  const s = r.summary;
  if (r.state === 'loading')
    return (
      <>
        <Spinner size="extra-tiny" aria-hidden />
        <Hidden>{`: ${p('badge.loading', lang)}`}</Hidden>
      </>
    );
  if (!s || s.status === 'unreadable')
    return (
      <>
        <Badge color="danger" appearance="filled" size="small" aria-hidden>
          !
        </Badge>
        <Hidden>{`: ${p('badge.error', lang)}`}</Hidden>
      </>
    );
  // a file where no sheet holds an appendix table was not checked: never a green ✓
  if (s.status === 'not-checked')
    return (
      <>
        <Badge color="warning" appearance="tint" size="small" data-testid="not-checked-badge" aria-hidden>
          ?
        </Badge>
        <Hidden>{`: ${p('badge.notChecked', lang)}`}</Hidden>
      </>
    );
  if (s.errors || s.warnings)
    return (
      <>
        <CounterBadge count={s.errors || s.warnings} color={s.errors ? 'danger' : 'informative'} size="small" overflowCount={999} aria-hidden />
        <Hidden>{`: ${p(s.errors ? 'count.errors' : 'count.warnings', lang, { n: s.errors || s.warnings })}`}</Hidden>
      </>
    );
  return (
    <>
      <Badge color="success" appearance="tint" size="small" aria-hidden>
        ✓
      </Badge>
      <Hidden>{`: ${p('badge.ok', lang)}`}</Hidden>
    </>
  );
}

function MoreItem({ r, ctl, lang }: { r: OverviewRow; ctl: PreviewController; lang: Lang }) {
  const visible = useIsOverflowItemVisible(r.id);
  if (visible) return null;
  return (
    <MenuItem onClick={() => ctl.setActive(r.id)} data-file-item={r.name} secondaryContent={fileTip(r, lang).slice(r.name.length + 2, 80)}>
      {r.name}
    </MenuItem>
  );
}

function MoreFiles({ rows, ctl, lang }: { rows: OverviewRow[]; ctl: PreviewController; lang: Lang }) {
  const s = useStyles();
  const { ref, overflowCount, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons={false}>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" className={s.more} data-testid="more-files" title={p('files.moreLabel', lang, { n: overflowCount })}>
          {p('files.more', lang, { n: overflowCount })}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList style={{ maxHeight: '60vh', overflowY: 'auto' }}>
          {rows.map((r) => (
            <MoreItem key={r.id} r={r} ctl={ctl} lang={lang} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export function FileTabs({ ctl, rows, active, lang }: { ctl: PreviewController; rows: OverviewRow[]; active: string; lang: Lang }) {
  const s = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <div className={s.row}>
        <TabList className={s.bar} aria-label={p('files.label', lang)} selectedValue={active} onTabSelect={(_e, d) => ctl.setActive(String(d.value))}>
          <OverflowItem id={OVERVIEW} pinned>
            <Tab value={OVERVIEW} data-overview-tab="true">
              <span className={s.label}>
                {p('overview.tab', lang)}
                <CounterBadge count={rows.length} color="informative" appearance="ghost" size="small" overflowCount={999} aria-hidden />
                <Hidden>{`: ${rows.length}`}</Hidden>
              </span>
            </Tab>
          </OverflowItem>
          {rows.map((r) => (
            <OverflowItem key={r.id} id={r.id} {...(r.id === active ? { pinned: true } : { priority: 1 })}>
              <Tooltip content={fileTip(r, lang)} relationship="description" withArrow>
                <Tab value={r.id} data-file-tab={r.name} data-status={r.entry.status}>
                  <span className={s.label}>
                    <span className={s.name}>{r.name}</span>
                    <StatusBadge r={r} lang={lang} />
                  </span>
                </Tab>
              </Tooltip>
            </OverflowItem>
          ))}
        </TabList>
        <MoreFiles rows={rows} ctl={ctl} lang={lang} />
      </div>
    </Overflow>
  );
}
