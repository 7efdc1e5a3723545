/**
 * Diagnostics for a bench scenario, off by default (they slow the run, so their figures are not
 * the bench's): a CPU profile of the page's main thread and a Chromium trace of every process.
 * Each scenario says which environment variable turns them on (bench/README.md, "Diagnostics").
 */
import { writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

const log = (message: string) => console.log(`[bench] ${message}`);

/** Trace categories per question asked of a trace. */
export const TRACE_CATEGORIES = {
  /** Where native I/O work goes: tasks with where they were posted from, IndexedDB, mojo. */
  io: ['toplevel', 'toplevel.flow', 'IndexedDB', 'mojom', 'blink', 'loading', 'v8', 'disabled-by-default-devtools.timeline'],
  /** What a frame costs: input events, tasks, style, layout, paint, GC, JS samples, frames. */
  frames: [
    'toplevel',
    'input',
    'benchmark',
    'blink',
    'blink.user_timing',
    'v8',
    'v8.execute',
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.frame',
    'disabled-by-default-v8.cpu_profiler',
    'cc',
    'viz',
  ],
} as const;

export interface Diagnostic {
  stop(file: string): Promise<void>;
}

/** A CPU profile of the page's main thread (CDP Profiler), a `.cpuprofile` Chrome DevTools opens. */
export async function startProfile(page: Page): Promise<Diagnostic> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      log(`  CPU profile written to ${file}`);
      await cdp.detach();
    },
  };
}

/**
 * A Chromium trace of every process (CDP Tracing) with `categories`, for the native work a CPU
 * profile shows only as "(program)". Opens in Perfetto.
 */
export async function startTrace(page: Page, categories: readonly string[]): Promise<Diagnostic> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: [...categories], recordMode: 'recordContinuously' }, transferMode: 'ReturnAsStream', bufferUsageReportingInterval: 1000 });
  return {
    async stop(file) {
      const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream!)));
      await cdp.send('Tracing.end');
      const handle = await complete;
      const chunks: string[] = [];
      for (;;) {
        const read = await cdp.send('IO.read', { handle, size: 1 << 20 });
        chunks.push(read.base64Encoded ? Buffer.from(read.data, 'base64').toString('utf8') : read.data);
        if (read.eof) break;
      }
      await cdp.send('IO.close', { handle });
      await writeFile(file, chunks.join(''));
      log(`  trace written to ${file}`);
      await cdp.detach();
    },
  };
}
