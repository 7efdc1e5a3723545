import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildDeadlinePack,
  bundledTableData,
  computeDeadlines,
  loadDeadlinePack,
  serializeDeadlinePack,
  signDeadlinePack,
  type DeadlinePack,
} from '../../../../shared/deadlines/index.js';
import { generateKeyPair, type KeyPair } from '../../../../shared/templates/pack.js';
import { makeCase } from './fixtures.js';

let keys: KeyPair;
let other: KeyPair;
let signed: DeadlinePack;

beforeAll(async () => {
  keys = await generateKeyPair();
  other = await generateKeyPair();
  const { rules, holidays } = bundledTableData();
  const built = buildDeadlinePack(rules, holidays, { name: 'Bảng thời hạn 2025', version: '2025.1', createdAt: '2025-12-01T00:00:00Z' });
  if (!built.ok) throw new Error(built.error.messageEn);
  signed = await signDeadlinePack(built.value, keys.privateKey);
});

describe('deadline packs', () => {
  it('load when signed by the trusted key, and the tables work', async () => {
    const loaded = await loadDeadlinePack(serializeDeadlinePack(signed), keys.publicKey);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.manifest).toMatchObject({ rulesVersion: '2025.1', holidaysVersion: '2025.1' });
    const c = makeCase({ type: 'DS', acceptanceDate: '2025-01-23' });
    expect(computeDeadlines(c, { today: '2025-01-24', tables: loaded.value.tables })[0]?.dueDate).toBe('2025-02-04');
  });

  it('carry a changed table that changes the deadlines (a new Tết notice)', async () => {
    const { rules, holidays } = bundledTableData();
    const changed = structuredClone(holidays) as { version: string; daysOff: { date: string }[] };
    changed.version = '2025.2';
    // Court IT declares Monday 03/02/2025 a day off (illustration, not a real notice).
    changed.daysOff.push({ date: '2025-02-03', name: 'Nghỉ thêm', kind: 'swap', basis: 'thử nghiệm', assumed: false } as never);
    const built = buildDeadlinePack(rules, changed, { name: 'x', version: '2', createdAt: '2025-12-01T00:00:00Z' });
    if (!built.ok) throw new Error(built.error.messageEn);
    const loaded = await loadDeadlinePack(serializeDeadlinePack(await signDeadlinePack(built.value, keys.privateKey)), keys.publicKey);
    if (!loaded.ok) throw new Error(loaded.error.messageEn);
    const c = makeCase({ type: 'DS', acceptanceDate: '2025-01-23' });
    // Fri 24, then Tết, then Mon 03/02 now off: Tue 04/02, Wed 05/02 (the bundled table gives 04/02).
    expect(computeDeadlines(c, { today: '2025-01-24', tables: loaded.value.tables })[0]?.dueDate).toBe('2025-02-05');
    expect(loaded.value.tables.calendar.isWorkingDay(Date.UTC(2025, 1, 3) / 86_400_000)).toBe(false);
  });

  it('refuse a tampered table even when the JSON stays canonical', async () => {
    const tampered = structuredClone(signed) as DeadlinePack & { rules: { rules: { length: number }[] } };
    tampered.rules.rules[1]!.length = 12;
    const result = await loadDeadlinePack(serializeDeadlinePack(tampered), keys.publicKey);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'deadlinePack.signature' });
    if (!result.ok) expect(result.error.messageVi).toContain('chữ ký không hợp lệ');
  });

  it('refuse a file whose bytes were changed outside the signed content', async () => {
    const text = serializeDeadlinePack(signed).replace('{', '{ ');
    const result = await loadDeadlinePack(text, keys.publicKey);
    expect(!result.ok && result.error.code).toBe('deadlinePack.altered');
  });

  it('refuse an unsigned pack, another key, and something that is not a pack', async () => {
    const unsigned = await loadDeadlinePack(serializeDeadlinePack({ ...signed, signature: null }), keys.publicKey);
    expect(!unsigned.ok && unsigned.error.code).toBe('deadlinePack.unsigned');
    const wrongKey = await loadDeadlinePack(serializeDeadlinePack(signed), other.publicKey);
    expect(!wrongKey.ok && wrongKey.error.code).toBe('deadlinePack.key');
    const notPack = await loadDeadlinePack('{"format":"x"}', keys.publicKey);
    expect(!notPack.ok && notPack.error.code).toBe('deadlinePack.format');
    const bytes = await loadDeadlinePack(new Uint8Array([0xff, 0xfe]), keys.publicKey);
    expect(!bytes.ok && bytes.error.code).toBe('deadlinePack.encoding');
  });

  it('refuse to build a pack from an invalid table', () => {
    const { holidays } = bundledTableData();
    const result = buildDeadlinePack({ format: 'courtdesk.deadlineRules', formatVersion: 1, version: '1', rules: [] }, holidays, { name: 'x', version: '1', createdAt: '2025-12-01T00:00:00Z' });
    expect(result.ok).toBe(false);
  });
});
