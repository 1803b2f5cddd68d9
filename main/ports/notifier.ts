export type NotificationRequest = {
  title: string;
  body: string;
  /** Which view a click opens, e.g. 'fees', 'franking', 'orders'. */
  route?: string;
  silent?: boolean;
};
/** Desktop notifications: Electron's Notification in the app, a recorder in tests. */
export interface Notifier {
  isSupported(): boolean;
  show(n: NotificationRequest): void;
}
