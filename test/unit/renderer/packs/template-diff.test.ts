// "What the new version changes": both versions of a template rendered for one case, line diff;
// and the draft's recorded version read from its document doc in the replica.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftTemplateVersion, newerInstalledVersion } from '../../../../renderer/packs/draft-version.js';
import { checkForPacks } from '../../../../renderer/packs/check.js';
import { reloadInstalled } from '../../../../renderer/packs/load-installed.js';
import { templateDiff } from '../../../../renderer/packs/template-diff.js';
import { addTrustedKey } from '../../../../renderer/packs/trust.js';
import { CourtdeskDb } from '../../../../renderer/replica/schema.js';
import { generateCourt } from '../../../../shared/demo/index.js';
import { documentDocId, metaMap } from '../../../../shared/drafting/document-doc.js';
import type { KeyPair } from '../../../../shared/templates/pack.js';
import { fakeIdb } from '../replica/fixtures.js';
import { ADDED_SENTENCE, makeKeys, MINUTES_ID, PACK_NAME, templatePackFile } from '../../shared/packs/fixtures.js';

let pair: KeyPair;
let db: CourtdeskDb;

beforeAll(async () => {
  ({ pair } = await makeKeys());
});

afterEach(async () => {
  await db.packs.clear();
  await reloadInstalled(db);
  db.close();
});

async function installNewerMinutes(): Promise<void> {
  const idb = fakeIdb();
  db = new CourtdeskDb(idb.name, idb);
  await db.open();
  await addTrustedKey(db, JSON.stringify(pair.publicKey), 'quantri');
  const bytes = new TextEncoder().encode(await templatePackFile({ packVersion: '2026.1', templateVersion: '2.0.0', key: pair.privateKey }));
  const sha = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
  const fetch = async (url: string) =>
    url.endsWith('/api/packs')
      ? Response.json({ court: 'c', packs: [{ kind: 'templates', packId: PACK_NAME, version: '2026.1', sha256: sha, publishedAt: '2026-01-06T00:00:00Z' }] })
      : new Response(bytes);
  await checkForPacks({ db, session: { serverUrl: 'http://x', token: 't' }, fetch });
  await reloadInstalled(db);
}

describe('template update notice', () => {
  it('knows a newer installed version and shows what it changes for the case', async () => {
    await installNewerMinutes();
    expect(newerInstalledVersion(MINUTES_ID, '1.0.0')).toBe('2.0.0');
    expect(newerInstalledVersion(MINUTES_ID, '2.0.0')).toBeUndefined();
    expect(newerInstalledVersion('NQ05-2017/22-HS', '1.0.0')).toBeUndefined();

    const file = generateCourt({ cases: 30, seed: 5, today: '2026-01-05' });
    const kase = file.cases.find((c) => c.type === 'DS' && c.level === 'ST')!;
    const diff = templateDiff(MINUTES_ID, '1.0.0', '2.0.0', { court: file.court, staff: file.staff, kase, today: '2026-01-05' });
    expect(diff.kind).toBe('diff');
    if (diff.kind === 'diff') {
      expect(diff).toMatchObject({ added: 1, removed: 0 });
      expect(diff.rows.flatMap((r) => (r.kind === 'added' ? [r.text.trim()] : []))).toEqual([ADDED_SENTENCE]);
      expect(diff.rows.some((r) => r.kind === 'skipped')).toBe(true);
    }
    expect(templateDiff(MINUTES_ID, '0.5.0', '2.0.0', { court: file.court, staff: file.staff, kase, today: '2026-01-05' }).kind).toBe('oldMissing');
  });

  it('reads the version a draft recorded from its document doc', async () => {
    await installNewerMinutes();
    const doc = new Y.Doc({ gc: false });
    metaMap(doc).set('templateId', MINUTES_ID);
    metaMap(doc).set('templateVersion', '1.0.0');
    await db.docSnapshots.put({ docId: documentDocId('d1'), state: Y.encodeStateAsUpdate(doc), updateCount: 0, updatedAt: '2026-01-05T00:00:00Z' });
    expect(await draftTemplateVersion(db, 'd1')).toBe('1.0.0');
    expect(await draftTemplateVersion(db, 'missing')).toBeUndefined();
  });
});
