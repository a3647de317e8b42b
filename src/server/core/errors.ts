// One error type for everything a user can cause; its code maps to an HTTP status in one place.
export const errorStatus = {
  validation: 422,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  path: string;
  message: string;
}

const titles: Record<ErrorCode, string> = {
  validation: 'Invalid input',
  bad_request: 'Bad request',
  unauthenticated: 'Not logged in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Request body too large',
  too_many_requests: 'Too many requests',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldError[];
  constructor(code: ErrorCode, detail: string, errors?: FieldError[]) {
    super(detail);
    this.code = code;
    this.errors = errors;
  }
  get status(): number {
    return errorStatus[this.code];
  }
  get title(): string {
    return titles[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const invalid = (path: string, message: string) => new AppError('validation', message, [{ path, message }]);
