import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The typed API client. Paths, parameters and response bodies come from schema.d.ts, which
 * `npm run gen:api` generates from the service's own OpenAPI document:
 *
 *   const page = await unwrap(api.GET('/api/orders', { params: { query: { limit: 50 } } }));
 *   page.items[0].externalId; // typed
 *
 * Requests go to the same origin with the HttpOnly session cookie (SameSite=Strict); the dashboard
 * never sees or stores the token.
 */
export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
});

/** An RFC 9457 problem returned by the service. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  instance?: string;
  requestId?: string;
  issues?: Array<{ field: string; message: string }>;
}

/** A failed API call: the HTTP status and the problem+json body (when the service sent one). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function toProblem(body: unknown, response: Response): Problem {
  if (body && typeof body === 'object') return body as Problem;
  return { status: response.status, title: response.statusText || 'Request failed' };
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the problem. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    // fetch rejects with a bare TypeError that says nothing useful to the user.
    throw new ApiError(0, { title: 'Network error', detail: 'The service cannot be reached.' });
  }
  const { data, error, response } = result;
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response));
  return data as T;
}

/**
 * GET a JSON endpoint that is not (yet) in schema.d.ts, with its response type written by hand.
 * Prefer the typed `api` client: use this only for an endpoint of a module that is not merged yet,
 * and switch once `npm run gen:api` knows the path.
 */
export async function getJson<T>(path: string, query: Record<string, string | number | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  let response: Response;
  try {
    response = await fetch(qs ? `${path}?${qs}` : path, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, { title: 'Network error', detail: 'The service cannot be reached.' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, toProblem(body, response));
  return body as T;
}

/** One page of a cursor-paginated list (`?limit=&cursor=` → `{ items, nextCursor }`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
