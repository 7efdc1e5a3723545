/**
 * The attendance checklist at the opening: every person summoned, present or absent (with the
 * reason), recorded in the minutes' `hearing.attendance` and written into the minutes as the
 * clerk's report. Keyboard: Tab through the rows, Space toggles, Enter writes.
 */
import { useState } from 'react';
import type { Attendance } from '../../../shared/drafting/document-doc.js';
import type { SummonedPerson } from '../../../shared/drafting/hearing-record.js';
import { Dialog } from '../../components/Dialog.js';
import { useI18n } from '../../i18n/language.js';

export function AttendanceDialog({
  people,
  initial,
  onSave,
  onClose,
}: {
  readonly people: readonly SummonedPerson[];
  readonly initial: ReadonlyMap<string, Attendance>;
  readonly onSave: (entries: Map<string, { present: boolean; note: string }>) => void;
  readonly onClose: () => void;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState(() => new Map(people.map((p) => [p.key, { present: initial.get(p.key)?.present ?? true, note: initial.get(p.key)?.note ?? '' }])));
  const set = (key: string, patch: Partial<{ present: boolean; note: string }>) =>
    setRows((old) => {
      const next = new Map(old);
      next.set(key, { ...(old.get(key) ?? { present: true, note: '' }), ...patch });
      return next;
    });
  const footer = (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button primary" data-testid="attendance-save" disabled={people.length === 0}>
        {t('editor.hearing.writeAttendance')}
      </button>
    </>
  );
  return (
    <Dialog title={t('editor.hearing.attendanceTitle')} onClose={onClose} onSubmit={() => onSave(rows)} footer={footer} wide testId="attendance-dialog">
      {people.length === 0 ? <p className="empty-small">{t('editor.hearing.noParties')}</p> : null}
      <table className="table cd-attendance">
        <tbody>
          {people.map((person) => {
            const row = rows.get(person.key) ?? { present: true, note: '' };
            return (
              <tr key={person.key} data-testid="attendance-row" data-person={person.key}>
                <td>{person.label}</td>
                <td className="nowrap">
                  <label>
                    <input type="checkbox" checked={row.present} onChange={(e) => set(person.key, { present: e.target.checked })} data-testid="attendance-present" />{' '}
                    {row.present ? t('editor.hearing.present') : t('editor.hearing.absent')}
                  </label>
                </td>
                <td>
                  {row.present ? null : (
                    <input type="text" value={row.note} placeholder={t('editor.hearing.reason')} aria-label={t('editor.hearing.reason')} onChange={(e) => set(person.key, { note: e.target.value })} data-testid="attendance-reason" />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Dialog>
  );
}
