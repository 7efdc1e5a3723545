// `npm run bench`: the DESIGN §6 budgets measured in real Chromium. The driver is TypeScript
// (bench/node/main.ts, typechecked with the test zone); tsx loads it without a separate build.
// Options and scenarios: bench/README.md.
import { tsImport } from 'tsx/esm/api';

const { runBench } = await tsImport('../bench/node/main.ts', import.meta.url);
process.exitCode = await runBench(process.argv.slice(2));
