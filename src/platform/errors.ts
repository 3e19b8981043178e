/**
 * The one error vocabulary (STYLE.md). Every failure a caller can see is an AppError with one of these
 * codes; the HTTP layer maps it to RFC 9457 problem+json and the CLI to an exit code, both here.
 */
export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `lines.2.quantity`. */
  field: string;
  message: string;
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Exit codes follow sysexits(3) where one fits. */
const EXIT_CODE: Record<ErrorCode, number> = {
  invalid: 65, // EX_DATAERR
  unauthenticated: 77, // EX_NOPERM
  forbidden: 77,
  not_found: 66, // EX_NOINPUT
  conflict: 75, // EX_TEMPFAIL
  rate_limited: 75,
  unavailable: 69, // EX_UNAVAILABLE
  internal: 70, // EX_SOFTWARE
};

const TITLES: Record<ErrorCode, string> = {
  invalid: 'Invalid request',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = opts.issues ?? [];
    this.details = opts.details;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const invalid = (message: string, issues?: FieldIssue[], details?: Record<string, unknown>) =>
  new AppError('invalid', message, { issues, details });
export const notFound = (what: string, id?: string) =>
  new AppError('not_found', id ? `${what} ${id} not found` : `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError('forbidden', message);
export const unauthenticated = (message = 'Sign in or present an API key') =>
  new AppError('unauthenticated', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('conflict', message, { details });
export const unavailable = (message: string) => new AppError('unavailable', message);

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}
export function exitCodeOf(code: ErrorCode): number {
  return EXIT_CODE[code];
}
export function titleOf(code: ErrorCode): string {
  return TITLES[code];
}

/** RFC 9457 problem details body. `type` is a stable URI per code. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  issues?: FieldIssue[];
  [extension: string]: unknown;
}

export function toProblem(err: AppError, instance?: string, requestId?: string): Problem {
  return {
    type: `https://crossgate.dev/problems/${err.code}`,
    title: titleOf(err.code),
    status: err.status,
    detail: err.message,
    code: err.code,
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...(err.issues.length ? { issues: err.issues } : {}),
    ...(err.details ?? {}),
  };
}

/** Turns a zod error (or anything with `issues`) into our field issues. */
export function issuesFromZod(error: {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(root)', message: i.message }));
}
