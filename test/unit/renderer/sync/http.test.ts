/**
 * renderer/sync/http.ts: a binary answer (the docs pages) is read whole through a Blob; one that
 * breaks off mid-body is a retried error with a Vietnamese message, never an empty or short
 * answer taken as the page; refusals stay refusals.
 */
import { describe, expect, it } from 'vitest';
import { postForBytes, type FetchLike } from '../../../../renderer/sync/http.js';

const URL_ = 'http://127.0.0.1:1/api/sync/docs';

/** A fetch answering 200 with these chunks, then (optionally) the connection breaking. */
function answering(chunks: Uint8Array[], breaks: boolean): FetchLike {
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else if (breaks) controller.error(new TypeError('network connection lost'));
          else controller.close();
        },
      }),
      { status: 200, headers: { 'content-type': 'application/vnd.courtdesk.docs' } },
    );
}

describe('postForBytes', () => {
  it('answers every byte of a binary answer, however it was chunked', async () => {
    const outcome = await postForBytes(answering([new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])], false), URL_, { docs: [] }, 'token');
    expect(outcome).toMatchObject({ kind: 'ok' });
    expect(outcome.kind === 'ok' ? [...outcome.value] : []).toEqual([1, 2, 3, 4, 5]);
  });

  it('reports an answer that breaks off as an error to retry, in Vietnamese, not as a short page', async () => {
    const outcome = await postForBytes(answering([new Uint8Array([1, 2, 3])], true), URL_, { docs: [] }, 'token');
    expect(outcome).toMatchObject({ kind: 'error', code: 'http.badBody', messageVi: 'Câu trả lời của máy chủ không đọc được. Sẽ thử lại.' });
  });

  it('keeps a refusal a refusal (401), with the server\'s message', async () => {
    const refusing: FetchLike = async () =>
      new Response(JSON.stringify({ error: 'auth.expired', message: 'Phiên đăng nhập đã hết hạn.' }), { status: 401, headers: { 'content-type': 'application/json' } });
    expect(await postForBytes(refusing, URL_, { docs: [] }, 'token')).toMatchObject({ kind: 'refused', status: 401, code: 'auth.expired', messageVi: 'Phiên đăng nhập đã hết hạn.' });
  });
});
