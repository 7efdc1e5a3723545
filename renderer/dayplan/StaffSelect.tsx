/** "Xem cho": the whole court, a judge or a clerk (renderer/dayplan/staff-choice.ts). */
import { useReplica } from '../app/replica-context.js';
import { useI18n } from '../i18n/language.js';
import { useStaffChoice } from './staff-choice.js';

export function StaffSelect({ testId = 'staff-select' }: { readonly testId?: string }) {
  const { t } = useI18n();
  const { info } = useReplica();
  const [staffId, setStaffId] = useStaffChoice();
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'vi');
  const judges = info.staff.filter((s) => s.role === 'judge').sort(byName);
  const clerks = info.staff.filter((s) => s.role === 'clerk').sort(byName);
  return (
    <label className="field-inline">
      <span>{t('dayplan.staff')}</span>
      <select value={staffId} onChange={(e) => setStaffId(e.target.value)} data-testid={testId}>
        <option value="">{t('dayplan.staff.court')}</option>
        <optgroup label={t('dayplan.staff.clerks')}>
          {clerks.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('dayplan.staff.judges')}>
          {judges.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
