/**
 * Prints the id of a demo-court case whose 48-DS hearing minutes the demo accounts sign together:
 * `thamphan` (s-judge-01) presides and `thuky` (s-clerk-01) is the hearing clerk. Run in its own
 * Node process (`node --import tsx`): the demo generator imports JSON, Playwright's loader does not.
 *
 *   node --import tsx test/e2e/support/find-signing-case.ts YYYY-MM-DD
 */
import { generateCourt } from '../../../shared/demo/index.js';
import { buildContext, builtinTemplate, servesCase } from '../../../shared/templates/index.js';

const today = process.argv[2] ?? '';
const court = generateCourt({ cases: 300, seed: 1, today });
const template = builtinTemplate('NQ01-2017/48-DS');
if (!template) throw new Error('48-DS is not a built-in template');
const found = court.cases.find(
  (kase) =>
    kase.panel.some((m) => m.role === 'presidingJudge' && m.staffId === 's-judge-01') &&
    kase.panel.some((m) => m.role === 'clerk' && m.staffId === 's-clerk-01') &&
    servesCase(template.meta, kase, buildContext({ court: court.court, staff: court.staff, kase, today, hearingKinds: template.meta.hearingKinds })),
);
if (!found) throw new Error('No demo case is presided by s-judge-01 with s-clerk-01 as clerk');
console.log(JSON.stringify({ caseId: found.id, number: found.acceptanceNumber }));
