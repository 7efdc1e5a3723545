// Typechecks every zone with its own tsconfig (STYLE §1), two at a time (the machine has 2 cores).
import { spawn } from 'node:child_process';

const zones = ['shared', 'renderer', 'preload', 'main', 'server', 'test'];
const tsc = 'node_modules/typescript/bin/tsc';

function check(zone) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', `${zone}/tsconfig.json`, '--noEmit', '--pretty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ zone, code, output }));
  });
}

const queue = [...zones];
const failures = [];
async function worker() {
  for (let zone = queue.shift(); zone; zone = queue.shift()) {
    const { code, output } = await check(zone);
    console.log(`typecheck ${zone}: ${code === 0 ? 'ok' : 'FAILED'}`);
    if (code !== 0) failures.push(output);
  }
}
await Promise.all([worker(), worker()]);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
