import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTER_QUERY, formatRegisterQuery, hasFilters, parseRegisterQuery, toCaseFilter } from '../../../../../renderer/screens/register/filters.js';

describe('register filters in the URL', () => {
  it('drops unknown types, statuses, bad dates and sorts', () => {
    const query = parseRegisterQuery(new URLSearchParams('type=DS,XX,HNGĐ&status=nope,decided&from=2025-13-01&to=2025-02-01&sort=random'));
    expect(query.types).toEqual(['DS', 'HNGĐ']);
    expect(query.statuses).toEqual(['decided']);
    expect(query.acceptedFrom).toBe('');
    expect(query.acceptedTo).toBe('2025-02-01');
    expect(query.sort).toBe('numberDesc');
  });

  it('orders multi-values by the vocabulary so equal filters give equal URLs', () => {
    const a = formatRegisterQuery(parseRegisterQuery(new URLSearchParams('type=HS,DS'))).toString();
    const b = formatRegisterQuery(parseRegisterQuery(new URLSearchParams('type=DS,HS'))).toString();
    expect(a).toBe(b);
  });

  it('writes nothing for the default register', () => {
    expect(formatRegisterQuery(EMPTY_REGISTER_QUERY).toString()).toBe('');
    expect(hasFilters(EMPTY_REGISTER_QUERY)).toBe(false);
  });

  it('builds the replica filter without empty parts and with a trimmed query', () => {
    expect(toCaseFilter({ ...EMPTY_REGISTER_QUERY, query: '  12/2025  ', types: ['HS'] })).toEqual({ query: '12/2025', types: ['HS'] });
    expect(toCaseFilter(EMPTY_REGISTER_QUERY)).toEqual({});
  });

  it('keeps Vietnamese text in the query as typed', () => {
    const params = formatRegisterQuery({ ...EMPTY_REGISTER_QUERY, query: 'Nguyễn Văn Đạt' });
    expect(parseRegisterQuery(new URLSearchParams(params.toString())).query).toBe('Nguyễn Văn Đạt');
  });
});
