/**
 * The frame of a panel that lists what the pane wrote on the sheet, with the one button that undoes it: «Đã sửa»
 * (./FixesPanel.tsx) and what «Tính lại điểm» wrote (./RecalcPanel.tsx).
 */
import { type ReactNode } from 'react';
import { Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface WrittenPanelProps {
  /** the heading, also the section's accessible name */
  title: string;
  testId: string;
  /** the undo button's words */
  undoLabel: string;
  /** without it, no undo button (nothing to undo) */
  onUndo?: () => void;
  disabled?: boolean;
  children: ReactNode;
}

export function WrittenPanel({ title, testId, undoLabel, onUndo, disabled, children }: WrittenPanelProps) {
  const s = useStyles();
  return (
    <section className={s.root} aria-label={title} data-testid={testId}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      {children}
      {onUndo && (
        <div className={s.actions}>
          <Button onClick={onUndo} disabled={disabled}>
            {undoLabel}
          </Button>
        </div>
      )}
    </section>
  );
}
