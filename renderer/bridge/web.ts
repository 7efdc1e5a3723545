/**
 * The web bridge: files leave as downloads through an object URL; there is no menu and no updater.
 * The version is package.json's, injected at build time by vite.renderer.config.ts.
 */
import type { Bridge } from './bridge.js';

const MIME_BY_EXTENSION: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
  pdf: 'application/pdf',
  txt: 'text/plain;charset=utf-8',
};

export function createWebBridge(): Bridge {
  return {
    platform: 'web',
    getInfo() {
      const version = String(import.meta.env.VITE_APP_VERSION ?? 'dev');
      return Promise.resolve({ platform: 'web', version, locale: navigator.language });
    },
    saveFile(name, bytes) {
      const extension = name.split('.').pop()?.toLowerCase() ?? '';
      // Copy into a fresh ArrayBuffer: a Uint8Array view over a SharedArrayBuffer is not a BlobPart.
      const blob = new Blob([bytes.slice().buffer], { type: MIME_BY_EXTENSION[extension] ?? 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      // Revoke later: Chromium reads the URL asynchronously after click().
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve({ saved: true });
    },
    onMenuCommand() {
      return () => {};
    },
  };
}
