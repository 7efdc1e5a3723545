/**
 * "A doc was edited on this computer": one in-window signal for writers that store outside the
 * Replica object (the document store writes document bodies through its own connection), so the
 * sync engine schedules a push soon after the edit instead of waiting for its periodic tick.
 * Case edits go through `Replica.sync.onStoredDocUpdate`; document bodies come through here.
 */
const listeners = new Set<(docId: string) => void>();

export function notifyLocalEdit(docId: string): void {
  for (const listener of [...listeners]) {
    try {
      listener(docId);
    } catch (e) {
      console.error('Courtdesk: a local-edit listener failed', e);
    }
  }
}

export function onLocalEdit(listener: (docId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
