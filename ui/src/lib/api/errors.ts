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
