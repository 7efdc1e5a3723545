/**
 * Everything of the editor that the app loads on demand, as ONE chunk: the screen and the
 * creation of a draft (both need TipTap's schema). One chunk means one fetch: the "Soạn văn bản"
 * button and the editor route load the same file, and once loaded the editor works without the
 * network for the rest of the session (web mode has no local copy of the app's files otherwise).
 */
export { EditorScreen } from './EditorScreen.js';
export { createCaseDocument, newDocumentId } from './create-document.js';
export { documentStore } from './document-store-instance.js';
