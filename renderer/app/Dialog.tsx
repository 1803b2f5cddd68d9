import type { FormEvent, KeyboardEvent, ReactNode } from 'react';

type Props = {
  /** id of the element that names the dialog (its heading). */
  titleId: string;
  /** Escape closes the dialog like its Schließen/Abbrechen button. */
  onClose(): void;
  className?: string;
  testId?: string;
  /** A form dialog submits with Enter; onSubmit gets the event with its default already prevented. */
  onSubmit?(e: FormEvent<HTMLFormElement>): void;
  children: ReactNode;
};

/** The app's modal dialog: backdrop, dialog role and name, Escape to close (UI.md: only when a decision is needed). */
export function Dialog({ titleId, onClose, className, testId, onSubmit, children }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose();
  };
  const common = {
    className: className ? `dialog ${className}` : 'dialog',
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': titleId,
    'data-testid': testId,
    onKeyDown,
  } as const;
  return (
    <div className="dialog-backdrop" role="presentation">
      {onSubmit ? (
        <form
          {...common}
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit(e);
          }}
        >
          {children}
        </form>
      ) : (
        <div {...common}>{children}</div>
      )}
    </div>
  );
}
