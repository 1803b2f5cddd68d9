import type { ComponentType, ReactNode } from 'react';

/**
 * Extension points of the shell. Each capability contributes in its own folder
 * (renderer/features/<cap>/contributions.tsx); renderer/app/contributions.ts joins them.
 */

export type OrderActionContext = {
  /** Selected order ids, in list order. */
  orderIds: number[];
  /** Shows a dialog (modal only when a decision is needed). */
  openDialog(node: ReactNode): void;
  closeDialog(): void;
  /** Reloads the list and the detail pane after the action changed orders. */
  refresh(): void;
};

/** A batch action in the order list's toolbar (Rechnung + Lieferschein, Etiketten, Frankieren, Versendet, Export). */
export type OrderAction = {
  id: string;
  labelKey: string;
  /** e.g. 'Ctrl+P' — shown in the toolbar and the menu, handled by the order list. */
  shortcut?: string;
  /** Position in the toolbar; lower first. */
  order: number;
  run(ctx: OrderActionContext): void | Promise<void>;
};

/** A section of the order detail pane (documents, labels, stamps of that order). */
export type OrderDetailSection = { id: string; order: number; Component: ComponentType<{ orderId: number; refresh(): void }> };

/** A section of the Einstellungen view (numbering, printers, Portokasse, billing details, updates, …). */
export type SettingsSection = { id: string; order: number; titleKey: string; Component: ComponentType };

/** Components mounted once at the app root (first-start dialog, trial expiry dialog, update banner, …). */
export type Overlay = { id: string; Component: ComponentType };

export type Contributions = {
  orderActions?: OrderAction[];
  orderDetailSections?: OrderDetailSection[];
  settingsSections?: SettingsSection[];
  overlays?: Overlay[];
};
