/**
 * Opening a document for the editor: the persisted Y.Doc from the document store, its meta kept
 * in React state (status changes when the signers finish), the save state for the header, and
 * the live room (presence, co-editing) while a session exists. Closing the screen flushes.
 */
import { useEffect, useState } from 'react';
import type { DomainError } from '../../shared/domain/result.js';
import { documentDocId, metaMap, type DocumentMeta } from '../../shared/drafting/document-doc.js';
import { useReplica } from '../app/replica-context.js';
import { isReadOnly } from '../../shared/drafting/finalisation.js';
import type { OpenDocument } from '../replica/document-store.js';
import { openDocRoom, type DocRoom } from '../sync/doc-room.js';
import { isExpired } from '../sync/session.js';
import { browserNetwork, useSync, useSyncStatus } from '../sync/ui/SyncProvider.js';
import { documentStore } from './document-store-instance.js';

export type DocumentState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: DomainError }
  | { readonly kind: 'ready'; readonly open: OpenDocument };

export type SaveState = { readonly kind: 'idle' } | { readonly kind: 'saved'; readonly at: string } | { readonly kind: 'failed'; readonly error: DomainError };

export function useOpenDocument(documentId: string): DocumentState {
  const [state, setState] = useState<DocumentState>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let opened: OpenDocument | undefined;
    // The screen is keyed by document id (App.tsx), so this runs once per document.
    documentStore()
      .then((store) => store.open(documentId))
      .then(
        (result) => {
          if (cancelled) {
            if (result.ok) void result.value.close();
            return;
          }
          if (result.ok) opened = result.value;
          setState(result.ok ? { kind: 'ready', open: result.value } : { kind: 'failed', error: result.error });
        },
        (e: unknown) => {
          if (!cancelled) setState({ kind: 'failed', error: { code: 'document.openFailed', messageVi: 'Không mở được kho dữ liệu trên máy.', messageEn: 'The local store could not be opened.', detail: String(e) } });
        },
      );
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [documentId]);
  return state;
}

/**
 * Updates the catch-up pulls for this document while it is open appear in the editor at once
 * (they are already stored, so the document store does not write them again).
 */
export function useStoredUpdates(open: OpenDocument | undefined): void {
  const { replica } = useReplica();
  useEffect(() => {
    if (!open) return;
    const docId = documentDocId(open.documentId);
    return replica.sync.onStoredDocUpdate((id, update, origin) => {
      if (id === docId && origin === 'remote') open.applyStoredUpdate(update);
    });
  }, [open, replica]);
}

export type MetaView = Partial<DocumentMeta> & { readonly readOnly: boolean };

export function useDocumentMeta(open: OpenDocument | undefined): MetaView {
  const [meta, setMeta] = useState<MetaView>({ readOnly: false });
  useEffect(() => {
    if (!open) return;
    const map = metaMap(open.doc);
    const read = () => setMeta({ ...(map.toJSON() as Partial<DocumentMeta>), readOnly: isReadOnly(open.doc) });
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [open]);
  return meta;
}

export function useSaveState(open: OpenDocument | undefined): SaveState {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => {
    if (!open) return;
    const offSaved = open.onSaved(({ at }) => setState({ kind: 'saved', at }));
    const offError = open.onError((error) => setState({ kind: 'failed', error }));
    return () => {
      offSaved();
      offError();
    };
  }, [open]);
  return state;
}

/** The account user (or '' offline without a session), recorded as the author of edits. */
export function useUser(): string {
  const { sessions } = useSync();
  return sessions.load()?.user ?? '';
}

/**
 * The live room of the open document while a session exists. The room is handed to the editor
 * (for the carets) once its socket starts connecting; offline it never does, and the editor
 * works on the local doc alone.
 */
export function useDocRoom(open: OpenDocument | undefined): { readonly room: DocRoom | undefined; readonly connected: boolean } {
  const { sessions } = useSync();
  const status = useSyncStatus();
  const token = status.session ? (sessions.load()?.token ?? '') : '';
  const [room, setRoom] = useState<DocRoom | undefined>();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const session = sessions.load();
    if (!open || !session || token === '' || isExpired(session)) return;
    let live = true;
    const opened = openDocRoom({
      doc: open.doc,
      documentId: open.documentId,
      session,
      network: browserNetwork,
      registerRemoteOrigin: (o) => open.addRemoteOrigin(o),
      onState: (state) => {
        // May be called while openDocRoom is still running (before `opened` is assigned): defer.
        queueMicrotask(() => {
          if (!live) return;
          setRoom(opened);
          setConnected(state === 'connected');
        });
      },
    });
    return () => {
      live = false;
      opened.destroy();
      setRoom(undefined);
      setConnected(false);
    };
  }, [open, sessions, token]);
  return { room, connected };
}
