// Errors that carry a code; the code maps to a translated message in messages/*/errors.json.
export type ErrorCode =
  | 'forbidden'
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  | 'stale'
  | 'rate_limited'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | (string & {}),
    message?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super('forbidden');
  }
}
