import { describe, expect, it } from 'vitest';
import { parseStoreChoice } from '../../../../server/store/store-choice.js';

describe('parseStoreChoice', () => {
  it('keeps SQLite the default and takes the URL from --pg-url or COURTDESK_PG_URL', () => {
    expect(parseStoreChoice(undefined, undefined, {})).toEqual({ kind: 'sqlite' });
    // The environment alone does not switch a server to PostgreSQL; --store or --pg-url does.
    expect(parseStoreChoice(undefined, undefined, { COURTDESK_PG_URL: 'postgres://a@h/db' })).toEqual({ kind: 'sqlite' });
    expect(parseStoreChoice('postgres', undefined, { COURTDESK_PG_URL: 'postgres://a@h/db' })).toEqual({ kind: 'postgres', url: 'postgres://a@h/db' });
    expect(parseStoreChoice(undefined, 'postgresql://a:b@h:5432/db', {})).toEqual({ kind: 'postgres', url: 'postgresql://a:b@h:5432/db' });
  });

  it('explains a missing or malformed URL and an unknown store in Vietnamese first', () => {
    expect(parseStoreChoice('postgres', undefined, {})).toMatchObject({ message: expect.stringContaining('Thiếu --pg-url') });
    expect(parseStoreChoice('postgres', 'mysql://x', {})).toMatchObject({ messageEn: expect.stringContaining('postgres://') });
    expect(parseStoreChoice('redis', undefined, {})).toMatchObject({ message: expect.stringContaining('sqlite hoặc postgres') });
  });
});
