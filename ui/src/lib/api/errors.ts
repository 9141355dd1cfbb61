import type { ApiError, ErrorCode } from './types.gen';

/** A failed command, as the UI handles it: switch on `code`, show `message`. */
export class KindredError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'KindredError';
    this.code = code;
    this.field = field;
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

/** Whatever a rejected invoke() gives us becomes a KindredError with plain words. */
export function toKindredError(reason: unknown): KindredError {
  if (reason instanceof KindredError) return reason;
  if (isApiError(reason)) return new KindredError(reason.code, reason.message, reason.field);
  return new KindredError(
    'internal',
    "Kindred couldn't finish that just now. Nothing was changed, so it's safe to try again.",
  );
}

/** A validation error found before asking the backend (a number field that
 * holds no number, say), shaped like the backend's own. */
export function fieldError(field: string, message: string): KindredError {
  return new KindredError('validation', message, field);
}

/** The whole number in a number field, or null when it holds anything else. */
export function wholeNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  return String(value ?? '').trim() !== '' && Number.isInteger(n) ? n : null;
}
