/** Minimal HTTP for the adapters: fetch with a deadline, failures classified as retryable or fatal. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export class TransportError extends Error {
  readonly retryable: boolean;
  readonly status: number | undefined;
  constructor(message: string, retryable: boolean, status?: number) {
    super(message);
    this.name = 'TransportError';
    this.retryable = retryable;
    this.status = status;
  }
}

export async function httpCall(url: string, init: RequestInit, timeoutMs: number): Promise<HttpAnswer> {
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: r.status, headers: r.headers, text: await r.text() };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const what =
      e.name === 'TimeoutError' || e.name === 'AbortError'
        ? `timeout after ${timeoutMs} ms`
        : `${e.cause?.code ?? e.name}: ${e.message}`;
    throw new TransportError(what, true);
  }
}

/** Whether an HTTP status is worth retrying (server trouble, throttling, request timeout). */
export function retryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}
