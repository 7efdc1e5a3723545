/**
 * How the size of a body pack (renderer/replica/body-packs.ts) changes what Chromium does with it.
 *
 * Chromium compresses an IndexedDB value of 64 KB or more with Snappy in the renderer and writes
 * it as a file beside the database only if it is still over 64 KB; smaller values live in
 * LevelDB, whose compactions copy them again and again. Minutes text compresses well, so the
 * pack size decides which of the two a pack becomes. For each pack size this probe starts its own
 * Chromium with a fresh profile, writes 8 × 100 MB of packs of Yjs bodies like the bench's
 * (one transaction per 100 MB, strict durability, as the replica writes), and reports
 * - the CPU time of all of Chromium's processes 5 s after the last commit (LevelDB compacts in
 *   the background), less that of a browser that wrote nothing;
 * - the wall time per 100 MB and the time spent inside `put` (serialising and compressing);
 * - how many values became files (the database's `.blob` folder).
 *
 * Besides packs of 60 KB and 256 KB stored as a Uint8Array (the replica's), it writes 256 KB and
 * 4 MB packs as Blobs (Chromium then writes each value to a file as it is, uncompressed). Session
 * 10: 1.35 s of CPU per 100 MB for 256 KB Uint8Array packs, 3.07 s for 256 KB Blobs, 2.46 s for
 * 4 MB Blobs, 6.78 s for 60 KB Uint8Arrays (under the compression threshold: LevelDB stores the
 * raw bytes and compacts them). The replica's packs stay 256 KB Uint8Arrays.
 *
 * Run: `npx tsx bench/node/idb-pack-size.ts` (about 2 minutes; `PACK_SIZE_ROUNDS` changes the 8).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import * as Y from 'yjs';
import { chromiumLaunchOptions } from '../../test/e2e/support/chromium.js';
import { processCpuSeconds } from './proc-cpu.js';

const ROUNDS = Number(process.env['PACK_SIZE_ROUNDS'] ?? 8);
/** LevelDB compacts in the background after a commit: its CPU is counted after this pause. */
const SETTLE_MS = 5_000;
const ROUND_BYTES = 100 * 1000 * 1000;

/** 60 distinct bodies of ~13 KB: 40 paragraphs of minutes text, as bench/node/sync/document-bodies.ts writes them. */
function bodies(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 60; i++) {
    const doc = new Y.Doc({ gc: false });
    const paragraphs: Y.XmlElement[] = [];
    for (let line = 0; line < 40; line++) {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [
        new Y.XmlText(
          `[${line + 1}] Nguyễn Văn ${i} trình bày về tranh chấp hợp đồng ${i * 7 + line}: yêu cầu Tòa án xem xét các tài liệu, chứng cứ đã nộp, đối chiếu với quy định của Bộ luật Tố tụng dân sự và ý kiến của các đương sự tại phiên tòa.`,
        ),
      ]);
      paragraphs.push(p);
    }
    doc.getXmlFragment('body').insert(0, paragraphs);
    out.push(Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'));
  }
  return out;
}

/** utime + stime of every Chromium process now alive, in seconds. */
const chromiumCpuSeconds = () => processCpuSeconds((cmdline) => cmdline.includes('chromium'));

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, entry) => n + (entry.isDirectory() ? countFiles(path.join(dir, entry.name)) : 1), 0);
}

interface Round {
  readonly wallMs: number;
  readonly putMs: number;
}

async function run(url: string, encoded: readonly string[], packBytes: number, asBlob = false): Promise<{ cpuS: number; rounds: Round[]; files: number }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'courtdesk-pack-size-'));
  const context = await chromium.launchPersistentContext(profile, chromiumLaunchOptions);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const rounds = packBytes === 0 ? [] : await page.evaluate(writePacks, { encoded, packBytes, rounds: ROUNDS, roundBytes: ROUND_BYTES, asBlob });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const cpuS = chromiumCpuSeconds();
    const blobDir = path.join(profile, 'Default', 'IndexedDB');
    const files = fs.existsSync(blobDir) ? fs.readdirSync(blobDir).filter((d) => d.endsWith('.blob')).reduce((n, d) => n + countFiles(path.join(blobDir, d)), 0) : 0;
    return { cpuS, rounds, files };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Runs in the page. */
async function writePacks(options: { encoded: readonly string[]; packBytes: number; rounds: number; roundBytes: number; asBlob: boolean }): Promise<Round[]> {
  const raw = options.encoded.map((b) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0)));
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('pack-size', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('packs', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const out: Round[] = [];
  let next = 0;
  for (let round = 0; round < options.rounds; round++) {
    const packs: { id: string; bytes: Uint8Array<ArrayBuffer> }[] = [];
    let total = 0;
    while (total < options.roundBytes) {
      const parts: Uint8Array[] = [];
      let size = 0;
      while (size < options.packBytes) {
        const body = raw[next++ % raw.length]!;
        parts.push(body);
        size += body.byteLength;
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.byteLength;
      }
      packs.push({ id: `${round}-${packs.length}`, bytes });
      total += size;
    }
    const start = performance.now();
    let putMs = 0;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('packs', 'readwrite', { durability: 'strict' });
      const store = tx.objectStore('packs');
      for (const pack of packs) {
        const before = performance.now();
        store.put(options.asBlob ? { id: pack.id, bytes: new Blob([pack.bytes]) } : pack);
        putMs += performance.now() - before;
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    out.push({ wallMs: Math.round(performance.now() - start), putMs: Math.round(putMs) });
  }
  db.close();
  return out;
}

async function main(): Promise<void> {
  const encoded = bodies();
  const server = http.createServer((_, response) => response.end('<!doctype html><title>pack size</title>')).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}/`;
  try {
    const idle = await run(url, encoded, 0);
    console.log(`a browser that writes nothing: ${idle.cpuS.toFixed(2)} s of CPU`);
    for (const [kb, asBlob] of [[256, false], [256, true], [4096, true], [60, false]] as const) {
      const result = await run(url, encoded, kb * 1024, asBlob);
      const perRound = (result.cpuS - idle.cpuS) / ROUNDS;
      const wall = result.rounds.map((r) => r.wallMs).join(' / ');
      const put = result.rounds.map((r) => r.putMs).join(' / ');
      console.log(`${kb} KB ${asBlob ? 'Blob' : 'Uint8Array'} packs: ${perRound.toFixed(2)} s of CPU per 100 MB; wall ${wall} ms; inside put ${put} ms; ${result.files} values written as files`);
    }
  } finally {
    server.close();
  }
}

await main();
