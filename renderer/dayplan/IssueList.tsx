/** What a hearing's pack lacks, in words (colour is never the only signal): blocking first. */
import type { ReadinessIssue } from '../../shared/dayplan/readiness.js';
import { useI18n } from '../i18n/language.js';

const ORDER = { blocking: 0, warning: 1, info: 2 } as const;
const MAX_SUBJECTS = 6;

export function IssueList({ issues }: { readonly issues: readonly ReadinessIssue[] }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  const sorted = [...issues].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul className="dayplan-issues">
      {sorted.map((issue) => {
        const shown = issue.subjects.slice(0, MAX_SUBJECTS);
        const more = issue.subjects.length - shown.length;
        return (
          <li key={issue.code} className={`dayplan-issue severity-${issue.severity}`} data-testid="dayplan-issue" data-code={issue.code} data-severity={issue.severity}>
            <span className="dayplan-severity">{t(`dayplan.severity.${issue.severity}`)}</span> {t(`dayplan.issue.${issue.code}`)}
            {shown.length > 0 ? `: ${shown.join('; ')}${more > 0 ? ` ${t('dayplan.more', { count: more })}` : ''}` : ''}
          </li>
        );
      })}
    </ul>
  );
}
