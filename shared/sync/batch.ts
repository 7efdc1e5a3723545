/**
 * The batch catch-up protocol (`POST /api/sync/batch`, docs/SYNC-PROTOCOL.md): one HTTP request
 * pushes many offline updates and pulls "what changed since seq N" for many docs, so a replica of
 * 20,000 cases never needs a socket per document. Binary data (Yjs updates and state vectors, V1
 * encoding) travels as standard base64 strings inside JSON.
 *
 * The schemas are shared so that the server validates exactly what the client builds.
 */
import { z } from 'zod';

/** Standard base64 (RFC 4648 §4, with padding); empty string allowed (an empty state vector). */
export const base64Schema = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'base64');

/** Most documents one page returns, and the default page size. */
export const MAX_PULL_LIMIT = 2000;
export const DEFAULT_PULL_LIMIT = 500;
/** Most changed-doc entries one `/api/sync/changes` answer lists, and its default. */
export const MAX_CHANGES_LIMIT = 10_000;
export const DEFAULT_CHANGES_LIMIT = 2_000;

export const pushItemSchema = z.object({
  /** Full room name, `court/{court}/{case|doc}/{id}`. */
  room: z.string().max(200),
  /** One Yjs update (V1); several local updates should be merged with `Y.mergeUpdates` first. */
  update: base64Schema,
});

export const pullRequestSchema = z.object({
  /** Return docs whose last change has a court seq greater than this (0: everything). */
  sinceSeq: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(MAX_PULL_LIMIT).optional(),
  /** The client's state vector per room it already holds; a missing room counts as empty. */
  stateVectors: z.record(z.string().max(200), base64Schema).optional(),
});

export const batchRequestSchema = z.object({
  push: z.array(pushItemSchema).optional(),
  pull: pullRequestSchema.optional(),
});

/** `POST /api/sync/changes`: step 1 of the two-step pull, which docs changed after `sinceSeq`. */
export const changesRequestSchema = z.object({
  sinceSeq: z.number().int().nonnegative(),
  limit: z.number().int().positive().max(MAX_CHANGES_LIMIT).optional(),
});

/** `POST /api/sync/docs`: step 2, what the client lacks of these docs (binary answer, docs-wire.ts). */
export const docsRequestSchema = z.object({
  docs: z
    .array(
      z.object({
        room: z.string().max(200),
        /** The client's state vector of the doc; absent or empty when it holds nothing. */
        stateVector: base64Schema.optional(),
      }),
    )
    .max(MAX_PULL_LIMIT),
});

export type PushItem = z.infer<typeof pushItemSchema>;
export type ChangesRequest = z.infer<typeof changesRequestSchema>;
export type DocsRequest = z.infer<typeof docsRequestSchema>;
export type PullRequest = z.infer<typeof pullRequestSchema>;
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** A pushed update the server stored: the client may mark its local updates up to here as synced. */
export interface PushAck {
  readonly room: string;
  /** The server's state vector of the doc after applying the update (base64). */
  readonly stateVector: string;
  /** The court seq of the doc's last change. */
  readonly seq: number;
}

/** What the client lacks of one changed doc. */
export interface PulledDoc {
  readonly room: string;
  /** The doc's last change, as a court seq. */
  readonly seq: number;
  /** A Yjs update (V1) with everything the client's state vector lacks (base64). */
  readonly update: string;
  /** The server's state vector of the doc (base64). */
  readonly stateVector: string;
}

/** A per-document failure; the rest of the batch still went through. */
export interface BatchDocError {
  readonly room: string;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
}

export interface PullPage {
  readonly docs: readonly PulledDoc[];
  /** Pass as `sinceSeq` for the next page (and, once `hasMore` is false, for the next catch-up). */
  readonly nextSeq: number;
  readonly hasMore: boolean;
  /** The court's latest seq when the page was read. */
  readonly currentSeq: number;
}

/** The answer of `POST /api/sync/changes`. */
export interface ChangesPage {
  /** Rooms whose last change is after `sinceSeq`, oldest change first. */
  readonly changes: readonly { readonly room: string; readonly seq: number }[];
  readonly nextSeq: number;
  readonly hasMore: boolean;
  readonly currentSeq: number;
}

export interface BatchResponse {
  readonly court: string;
  readonly acks: readonly PushAck[];
  readonly errors: readonly BatchDocError[];
  readonly pull?: PullPage;
}
