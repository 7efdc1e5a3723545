/**
 * Small HTTP helpers: JSON answers, errors with a Vietnamese `message` and an English
 * `messageEn`, and request bodies read with a size cap.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP failure the router turns into a JSON error answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = 'HttpError';
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** Sends bytes as they are (the binary docs page of the two-step pull). */
export function sendBinary(res: ServerResponse, status: number, body: Uint8Array, contentType: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': body.byteLength, 'cache-control': 'no-store' });
  res.end(body);
}

export function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}): void {
  sendJson(res, error.status, { error: error.code, message: error.messageVi, messageEn: error.messageEn }, headers);
}

/** Reads and parses a JSON body of at most `limit` bytes (413 beyond, 400 when not JSON). */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > limit) throw tooLarge();
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'http.badJson', 'Yêu cầu không phải JSON hợp lệ.', 'The request body is not valid JSON.');
  }
}

function tooLarge(): HttpError {
  return new HttpError(413, 'http.tooLarge', 'Yêu cầu quá lớn.', 'The request body is too large.');
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}
