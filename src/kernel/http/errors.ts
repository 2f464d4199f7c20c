import type { MessageKey } from '#kernel/i18n/index.ts';

/** The small set of error codes, each with its one HTTP status. */
export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation: 422,
  too_many_requests: 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * The one error type services throw. `message` is an i18n key so each channel can speak the
 * user's language; `fields` carries per-field message keys for forms.
 * @example throw new AppError('not_found', 'errors.projectNotFound')
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey = `errors.${code}` as MessageKey,
    readonly fields: Record<string, MessageKey> = {},
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.status = errorStatus[code];
  }
}
