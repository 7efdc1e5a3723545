/**
 * The behaviour every `ServerStore` must have beyond docs and accounts: staff links, device keys
 * and published packs. One suite, run against each store (SQLite here; PostgreSQL beside it), so
 * the two stores cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import type { ServerStore } from '../../../../server/store/store.js';

const COURT = 'tand-kv1-vinhlong';

export function describeStoreContract(name: string, openStore: () => Promise<ServerStore>): void {
  describe(`${name}: accounts, device keys and packs`, () => {
    it('keeps the staff link of an account, and drops it when the account is replaced without one', async () => {
      const store = await openStore();
      await store.putUser({ court: COURT, user: 'thamphan', passwordHash: 'h', roles: ['judge'], staffId: 'tp-01' });
      expect(await store.getUser(COURT, 'thamphan')).toMatchObject({ staffId: 'tp-01' });
      await store.putUser({ court: COURT, user: 'thamphan', passwordHash: 'h2', roles: ['judge'] });
      expect(await store.getUser(COURT, 'thamphan')).not.toHaveProperty('staffId');
    });

    it('registers, lists, finds and revokes device keys per court', async () => {
      const store = await openStore();
      const key = { court: COURT, user: 'thamphan', keyId: 'k1', publicKey: 'AAAA', deviceName: 'Laptop', registeredAt: '2026-11-28T08:00:00.000Z' };
      await store.putDeviceKey(key);
      await store.putDeviceKey({ ...key, keyId: 'k2', deviceName: 'Máy bàn', registeredAt: '2026-11-28T09:00:00.000Z' });
      await store.putDeviceKey({ ...key, deviceName: 'Laptop phòng xử án 2' });
      expect((await store.listDeviceKeys(COURT, 'thamphan')).map((k) => [k.keyId, k.deviceName])).toEqual([
        ['k1', 'Laptop phòng xử án 2'],
        ['k2', 'Máy bàn'],
      ]);
      expect(await store.getDeviceKey('tand-khac', 'k1')).toBeNull();
      expect(await store.revokeDeviceKey(COURT, 'k1', '2026-11-29T00:00:00.000Z')).toBe(true);
      expect(await store.revokeDeviceKey(COURT, 'k1', '2026-11-30T00:00:00.000Z')).toBe(false);
      expect(await store.getDeviceKey(COURT, 'k1')).toMatchObject({ revokedAt: '2026-11-29T00:00:00.000Z', publicKey: 'AAAA' });
    });

    it('stores each pack version once and returns its exact bytes', async () => {
      const store = await openStore();
      const bytes = new Uint8Array([1, 2, 3, 250]);
      const pack = { kind: 'templates' as const, packId: 'tand-builtin', version: '1.1.0', bytes, sha256: 'ab', publishedBy: 'quantri', publishedAt: '2026-11-28T08:00:00.000Z' };
      expect(await store.putPack(COURT, pack)).toEqual({ created: true });
      expect(await store.putPack(COURT, { ...pack, bytes: new Uint8Array([9]) })).toEqual({ created: false });
      await store.putPack(COURT, { ...pack, version: '1.2.0' });
      expect((await store.listPacks(COURT)).map((p) => p.version)).toEqual(['1.1.0', '1.2.0']);
      expect(await store.listPacks('tand-khac')).toEqual([]);
      const read = await store.getPack(COURT, 'templates', 'tand-builtin', '1.1.0');
      expect(read && [...read.bytes]).toEqual([1, 2, 3, 250]);
      expect(await store.getPack(COURT, 'deadlines', 'tand-builtin', '1.1.0')).toBeNull();
    });

    it('records who may read each document, per court', async () => {
      const store = await openStore();
      await store.putDocAccess(COURT, 'doc/nghi-an', ['tp-01', 'httnd-02']);
      await store.putDocAccess(COURT, 'doc/bien-ban', null);
      await store.putDocAccess(COURT, 'doc/bien-ban', ['tp-01']);
      await store.putDocAccess(COURT, 'doc/bien-ban', null);
      const access = await store.getDocAccess(COURT, ['doc/nghi-an', 'doc/bien-ban', 'doc/chua-co']);
      expect([...access.entries()].sort()).toEqual([
        ['doc/bien-ban', null],
        ['doc/nghi-an', ['tp-01', 'httnd-02']],
      ]);
      expect((await store.getDocAccess('tand-khac', ['doc/nghi-an'])).size).toBe(0);
      expect((await store.getDocAccess(COURT, [])).size).toBe(0);
    });
  });
}
