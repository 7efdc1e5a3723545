/**
 * The renderer's one contract with the platform it runs on (STYLE §2): desktop (Electron, through
 * the preload's `window.courtdesk`) or web (any Chromium). The rest of the renderer imports
 * `bridge` from ./index.ts and never asks which one it got.
 */
import type { MenuCommand } from '../../shared/contracts/ipc-channels.js';

export type { MenuCommand };

export interface BridgeInfo {
  readonly platform: 'desktop' | 'web';
  readonly version: string;
  readonly locale: string;
}

export interface SaveFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/**
 * `saved: false` without `messageVi` means the user cancelled; with it, saving failed and the
 * message is what the user reads.
 */
export interface SaveOutcome {
  readonly saved: boolean;
  readonly path?: string;
  readonly messageVi?: string;
  readonly messageEn?: string;
}

export interface Bridge {
  readonly platform: 'desktop' | 'web';
  getInfo(): Promise<BridgeInfo>;
  /** Desktop: a native save dialog, written atomically by main. Web: a download. */
  saveFile(name: string, bytes: Uint8Array, filters: readonly SaveFilter[]): Promise<SaveOutcome>;
  /** Application-menu commands (desktop only; the web never calls the listener). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
