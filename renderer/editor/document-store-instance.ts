/**
 * The app's one document store (renderer/replica/document-store.ts), opened on first use on the
 * replica's database. A failed open is not cached: the next screen tries again.
 */
import { openDocumentStore, type DocumentStore } from '../replica/document-store.js';

let opening: Promise<DocumentStore> | undefined;

export function documentStore(): Promise<DocumentStore> {
  opening ??= openDocumentStore().catch((e: unknown) => {
    opening = undefined;
    throw e;
  });
  return opening;
}
