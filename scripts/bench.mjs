// `npm run bench`: the DESIGN §6 budgets. First the browser scenarios in real Chromium (the
// driver is TypeScript, bench/node/main.ts, loaded by tsx without a separate build), then the
// Node-side benches (pure shared/ code: deadlines, DOCX, anonymiser), each in its own process so
// one does not warm the other's caches. Options and scenarios: bench/README.md.
//
//   npm run bench [-- --quick | --cases N | --seed N | --no-build]   everything
//   npm run bench -- --only browser | --only node                    one half
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE_BENCHES = ['bench/node/deadlines.bench.ts', 'bench/node/docx.bench.ts', 'bench/node/sync-server.bench.ts', 'bench/node/sync-reconnect.bench.ts', 'bench/node/sync-pg.bench.ts', 'bench/node/sync-catchup.bench.ts'];

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const passOn = onlyAt >= 0 ? args.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : args;

let failed = 0;
if (only !== 'node') {
  const { runBench } = await tsImport('../bench/node/main.ts', import.meta.url);
  if ((await runBench(passOn)) !== 0) failed += 1;
}
if (only !== 'browser') {
  // The Node benches understand --cases and --seed; --quick shrinks them like the browser half.
  // The sync benches have their own sizes (--connections, --edits…) and understand --quick.
  const quick = passOn.includes('--quick');
  const nodeArgs = quick ? ['--cases', '2000'] : passOn.filter((a) => a !== '--no-build' && a !== '--sync-only');
  for (const bench of NODE_BENCHES) {
    if (!existsSync(path.join(ROOT, bench))) continue;
    console.log(`\n[bench] ${bench}`);
    const benchArgs = bench.includes('/sync-') ? (quick ? ['--quick'] : []) : nodeArgs;
    const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', bench, ...benchArgs], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) failed += 1;
  }
}
process.exitCode = failed === 0 ? 0 : 1;
