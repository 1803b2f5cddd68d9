/**
 * An error meant for the seller: `code` is stable (tests and the UI key on it), `message` is German
 * and says what happened and what to do. Anything else that escapes a service is an INTERNAL error.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError =>
  e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError');
