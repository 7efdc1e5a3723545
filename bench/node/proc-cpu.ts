/**
 * CPU time of processes from /proc (Linux), for the bench probes that measure what Chromium's
 * processes spend (bench/node/idb-pack-size.ts, bench/node/fetch-read.ts).
 */
import fs from 'node:fs';

/**
 * utime + stime in seconds of the live processes whose command line passes `match`: whole
 * processes, or only their main thread (`mainThreadOnly`, e.g. a renderer's main thread).
 */
export function processCpuSeconds(match: (cmdline: string) => boolean, mainThreadOnly = false): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!match(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
      const stat = fs.readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks / 100;
}
