/**
 * Pack fixtures for test/e2e/packs.spec.ts, run with tsx in its own process (the pack builders
 * import JSON tables, which Playwright's loader does not):
 *
 *   make-packs.ts keys DIR              DIR/key, DIR/key.pub, DIR/pack.json (signed, judgment 52-DS 2.0.0)
 *   make-packs.ts tamper DIR DATA COURT stores a signed pack with one flipped byte straight into the
 *                                       server's store (as a compromised server would serve it)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openSqliteStore } from '../../../server/store/sqlite-store.js';
import { parseKey } from '../../../shared/templates/pack.js';
import { generateKeyPair } from '../../../shared/templates/pack.js';
import { flipOneByte, PACK_NAME, templatePackFile } from '../../unit/shared/packs/fixtures.js';

export const E2E_TEMPLATE = 'NQ01-2017/52-DS';

const [command, dir = '', dataDir = '', court = ''] = process.argv.slice(2);
if (command === 'keys') {
  const pair = await generateKeyPair();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'key'), JSON.stringify(pair.privateKey));
  fs.writeFileSync(path.join(dir, 'key.pub'), JSON.stringify(pair.publicKey));
  fs.writeFileSync(path.join(dir, 'pack.json'), await templatePackFile({ packVersion: '2026.1', templateVersion: '2.0.0', templateId: E2E_TEMPLATE, key: pair.privateKey }));
} else if (command === 'tamper') {
  const key = parseKey(fs.readFileSync(path.join(dir, 'key'), 'utf8'), true);
  if (!key.ok) throw new Error(key.error.messageEn);
  const bytes = flipOneByte(await templatePackFile({ packVersion: '2026.2', templateVersion: '3.0.0', templateId: E2E_TEMPLATE, key: key.value }));
  const store = openSqliteStore(dataDir);
  try {
    await store.putPack(court, {
      kind: 'templates',
      packId: PACK_NAME,
      version: '2026.2',
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      publishedBy: 'ke-gian',
      publishedAt: new Date().toISOString(),
    });
  } finally {
    await store.close();
  }
} else {
  throw new Error(`unknown command ${command ?? ''}`);
}
