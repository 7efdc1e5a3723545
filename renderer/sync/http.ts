/**
 * Talking to the court server over HTTP with every failure as a value: the UI must tell "the
 * server refused" (401/403: wrong account, expired session) from "no network" (fetch threw) and
 * from "the server failed" (5xx), never showing a refusal as "offline" (anchors complaint #3).
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type HttpOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly serverDate?: number }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly messageVi: string; readonly messageEn: string }
  | { readonly kind: 'offline'; readonly detail: string }
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly messageVi: string; readonly messageEn: string };

interface ErrorBody {
  readonly error?: unknown;
  readonly message?: unknown;
  readonly messageEn?: unknown;
}

/** Joins the server URL (with or without a trailing slash) and an API path. */
export function apiUrl(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${path}`;
}

/** POSTs JSON; answers the parsed body or a classified failure. */
export async function postJson<T>(fetchImpl: FetchLike, url: string, body: unknown, token?: string, timeoutMs = 60_000): Promise<HttpOutcome<T>> {
  return post(fetchImpl, url, body, token, timeoutMs, async (res) => (await res.json()) as T);
}

/** POSTs JSON and answers the raw bytes of a successful answer (the binary docs page). */
export async function postForBytes(fetchImpl: FetchLike, url: string, body: unknown, token?: string, timeoutMs = 120_000): Promise<HttpOutcome<Uint8Array>> {
  return post(fetchImpl, url, body, token, timeoutMs, readBytes);
}

/**
 * The whole body as bytes, read through a Blob. Chromium's `Response.arrayBuffer()` (and a
 * stream reader, and XHR) moves the body into the renderer on its main thread at ~40 MB/s here:
 * 8.6 s of main-thread CPU for 360 MB of 6 MB answers, where `blob()` then `arrayBuffer()` took
 * 2.0 s (and 30% less CPU in all of Chromium; bench/README.md, session 10). An initial replica
 * receives ~850 MB of docs pages on the thread that also writes them into IndexedDB.
 */
async function readBytes(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await (await res.blob()).arrayBuffer());
}

async function post<T>(
  fetchImpl: FetchLike,
  url: string,
  body: unknown,
  token: string | undefined,
  timeoutMs: number,
  read: (res: Response) => Promise<T>,
): Promise<HttpOutcome<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (e) {
    clearTimeout(timer);
    return { kind: 'offline', detail: e instanceof Error ? e.message : String(e) };
  }
  const dateHeader = res.headers.get('date');
  const serverDate = dateHeader ? Date.parse(dateHeader) : NaN;
  try {
    if (res.ok) {
      try {
        return { kind: 'ok', value: await read(res), ...(Number.isFinite(serverDate) ? { serverDate } : {}) };
      } catch (e) {
        // The body broke off (network gone mid-answer) or is not what was asked for: retried
        // like a server failure, never taken as an empty answer.
        const detail = e instanceof Error ? e.message : String(e);
        return { kind: 'error', status: res.status, code: 'http.badBody', messageVi: 'Câu trả lời của máy chủ không đọc được. Sẽ thử lại.', messageEn: `Unreadable answer: ${detail}` };
      }
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      json = undefined;
    }
    const errorBody = (json ?? {}) as ErrorBody;
    const failure = {
      status: res.status,
      code: typeof errorBody.error === 'string' ? errorBody.error : `http.${res.status}`,
      messageVi: typeof errorBody.message === 'string' ? errorBody.message : `Máy chủ trả lời lỗi ${res.status}.`,
      messageEn: typeof errorBody.messageEn === 'string' ? errorBody.messageEn : `The server answered ${res.status}.`,
    };
    return res.status === 401 || res.status === 403 ? { kind: 'refused', ...failure } : { kind: 'error', ...failure };
  } finally {
    clearTimeout(timer);
  }
}
