/**
 * How the renderer should read a large binary answer (the catch-up's docs pages, ~6 MB each).
 * A loopback server answers 60 POSTs of 6 MB; the page reads them each way below, and the probe
 * reports the wall time and the CPU of the renderer's main thread, of all of Chromium, and of
 * this Node process (the server).
 *
 * Session 10 on the 2-core VM: `arrayBuffer()` 9.1–9.2 s, 8.6 s of main thread, 10.6 s of
 * Chromium; `blob()` then `arrayBuffer()` 4.2–5.2 s, 2.0–2.3 s of main thread, 5.9–8.1 s of
 * Chromium; a stream reader and XHR measured like `arrayBuffer()`. So renderer/sync/http.ts reads
 * through a Blob.
 *
 * Run: `node --import tsx bench/node/fetch-read.ts` (about 2 minutes).
 */
import http from 'node:http';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../test/e2e/support/chromium.js';
import { processCpuSeconds } from './proc-cpu.js';

const ANSWER_BYTES = 6 * 1024 * 1024;
const ANSWERS = 60;
const WAYS = ['blob', 'arrayBuffer', 'reader', 'xhr'] as const;
type Way = (typeof WAYS)[number];

const rendererMain = () => processCpuSeconds((cmd) => cmd.includes('type=renderer'), true);
const allChromium = () => processCpuSeconds((cmd) => cmd.includes('chrom'));

/** Runs in the page: reads ANSWERS answers one way, answers the wall time. */
async function readAnswers(options: { way: Way; url: string; answers: number }): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < options.answers; i++) {
    if (options.way === 'xhr') {
      await new Promise<void>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', options.url);
        xhr.responseType = 'arraybuffer';
        xhr.onload = () => resolve();
        xhr.send('{}');
      });
      continue;
    }
    const res = await fetch(options.url, { method: 'POST', body: '{}' });
    if (options.way === 'arrayBuffer') await res.arrayBuffer();
    else if (options.way === 'blob') await (await res.blob()).arrayBuffer();
    else {
      const reader = res.body!.getReader();
      while (!(await reader.read()).done);
    }
  }
  return performance.now() - start;
}

async function main(): Promise<void> {
  const answer = Buffer.alloc(ANSWER_BYTES, 7);
  const server = http
    .createServer((req, res) => {
      if (req.method !== 'POST') return void res.end('<!doctype html><title>fetch read</title>');
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': ANSWER_BYTES }).end(answer));
    })
    .listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(url);
    for (const way of [...WAYS, ...WAYS]) {
      const [main0, all0, node0] = [rendererMain(), allChromium(), process.cpuUsage()];
      const ms = await page.evaluate(readAnswers, { way, url: `${url}answer`, answers: ANSWERS });
      const node = process.cpuUsage(node0);
      const mb = Math.round((ANSWERS * ANSWER_BYTES) / 1024 / 1024);
      console.log(
        `${way}: ${Math.round(ms)} ms for ${mb} MB; renderer main thread ${(rendererMain() - main0).toFixed(2)} s, all of Chromium ${(allChromium() - all0).toFixed(2)} s, server ${((node.user + node.system) / 1e6).toFixed(2)} s of CPU`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
