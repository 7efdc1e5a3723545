import { describe, expect, it } from 'vitest';
import { takeUnnotified } from '../../../../renderer/reminders/notified.js';
import { parseReminderDays } from '../../../../renderer/reminders/settings.js';
import { readPreparedDays, rememberPrepared } from '../../../../renderer/dayplan/pack-memory.js';
import { exportFileName } from '../../../../renderer/screens/caseload/file-name.js';
import { fileNameSchema } from '../../../../shared/contracts/ipc.js';
import { MemoryStorage } from '../memory-storage.js';

describe('takeUnnotified', () => {
  it('answers each situation once, across calls, and again once it ended and came back', () => {
    const storage = new MemoryStorage();
    expect(takeUnnotified(['a', 'b'], storage)).toEqual(['a', 'b']);
    expect(takeUnnotified(['a', 'b', 'c'], storage)).toEqual(['c']);
    expect(takeUnnotified(['a', 'b', 'c'], storage)).toEqual([]);
    expect(takeUnnotified(['b', 'c'], storage)).toEqual([]);
    expect(takeUnnotified(['a', 'b', 'c'], storage)).toEqual(['a']);
  });

  it('survives a damaged entry and a refused write', () => {
    const storage = new MemoryStorage();
    storage.setItem('courtdesk.reminders.notified', '{not json');
    expect(takeUnnotified(['a'], storage)).toEqual(['a']);
    storage.failWrites = true;
    expect(takeUnnotified(['a', 'b'], storage)).toEqual(['b']);
  });
});

describe('parseReminderDays', () => {
  it('accepts whole numbers 0 to 60 only', () => {
    expect(parseReminderDays(' 3 ')).toEqual({ ok: true, value: 3 });
    expect(parseReminderDays('0')).toEqual({ ok: true, value: 0 });
    expect(parseReminderDays('60')).toEqual({ ok: true, value: 60 });
    for (const bad of ['', '-1', '2.5', '61', 'ba', '1e2']) expect(parseReminderDays(bad)).toEqual({ ok: false });
  });
});

describe('pack memory', () => {
  it('remembers prepared days, forgets old ones and ignores damaged entries', () => {
    const storage = new MemoryStorage();
    rememberPrepared(['2026-03-05', '2026-03-06'], '2026-03-04T09:00:00.000Z', '2026-03-04', storage);
    expect(readPreparedDays(storage)).toEqual({ '2026-03-05': '2026-03-04T09:00:00.000Z', '2026-03-06': '2026-03-04T09:00:00.000Z' });
    rememberPrepared(['2026-06-01'], '2026-05-30T09:00:00.000Z', '2026-05-30', storage);
    expect(Object.keys(readPreparedDays(storage))).toEqual(['2026-06-01']);
    storage.setItem('courtdesk.dayplan.prepared', JSON.stringify({ 'not-a-day': 'x', '2026-06-02': 5, '2026-06-03': 'ok' }));
    expect(readPreparedDays(storage)).toEqual({ '2026-06-03': 'ok' });
  });
});

describe('exportFileName', () => {
  it('makes a Vietnamese file name the IPC contract accepts', () => {
    const name = exportFileName('Thời hạn: đã quá / chờ "ký"?', 'Cả Tòa án', '2026-03-04', 'csv');
    expect(name).toBe('Thời hạn đã quá chờ ký - Cả Tòa án - 2026-03-04.csv');
    expect(fileNameSchema.safeParse(name).success).toBe(true);
    expect(exportFileName('x'.repeat(300), 'y', '2026-03-04', 'xlsx').length).toBeLessThanOrEqual(200);
    expect(exportFileName('', '', '', 'xlsx')).toBe('So lieu.xlsx');
  });
});
