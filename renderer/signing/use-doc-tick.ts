/**
 * Re-renders a component when its Y.Doc changes (a local signature, a synced one, a remote edit):
 * the signing and history panels read the doc directly and keep no copy of it in state. Bursts
 * are coalesced (`delayMs` after the last update) so that typing in the editor beside the panel
 * does not re-hash a 100-page document on every keystroke.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export function useDocTick(doc: Y.Doc, delayMs = 300): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const bump = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => setTick((n) => n + 1), delayMs);
    };
    doc.on('update', bump);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      doc.off('update', bump);
    };
  }, [doc, delayMs]);
  return tick;
}
