/**
 * The sandboxed preload: ONE `exposeInMainWorld` call, nothing else reaches the page. Built as a
 * single CommonJS file (out/preload/index.cjs) because a sandboxed preload cannot be ESM.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_API_GLOBAL } from '../shared/contracts/ipc-channels.js';
import { buildDesktopApi } from './desktop-api.js';

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, buildDesktopApi(ipcRenderer));
