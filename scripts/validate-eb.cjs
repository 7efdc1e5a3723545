// `npm run validate:builder [config]`: checks electron-builder.yml against electron-builder's own
// schema without packaging (packaging needs the Electron zip from GitHub; toolchain.md §2f).
// CommonJS on purpose: package.json says "type": "module", and these internals are CJS.
// It reaches into app-builder-lib/builder-util internals, so an electron-builder upgrade may break it.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

(async () => {
  const config = await getConfig(process.cwd(), process.argv[2] || null, null);
  await validateConfiguration(config, new DebugLogger(false));
  console.log('electron-builder config OK');
})().catch((error) => {
  console.error('INVALID:', error.message);
  process.exit(1);
});
