/**
 * Prints a demo-court case whose judgment the demo account `thamphan` (s-judge-01) signs as chủ tọa,
 * with a built-in judgment template that serves it and at least one natural-person party (whose
 * name the publication copy reduces). Run in its own Node process (`node --import tsx`): the demo
 * generator imports JSON, Playwright's loader does not.
 *
 *   node --import tsx test/e2e/support/find-judgment-case.ts YYYY-MM-DD
 *   → {"caseId","number","templateId","persons":["Nguyễn Văn An",…],"presiding":"…"}
 */
import { generateCourt } from '../../../shared/demo/index.js';
import { buildContext, builtinTemplates, servesCase } from '../../../shared/templates/index.js';

const today = process.argv[2] ?? '';
const court = generateCourt({ cases: 300, seed: 1, today });
const judgments = builtinTemplates().filter((t) => t.meta.kind === 'judgment');
for (const kase of court.cases) {
  const presiding = kase.panel.find((m) => m.role === 'presidingJudge' && m.staffId === 's-judge-01');
  const persons = kase.parties.filter((p) => p.kind === 'person' && p.fullName.split(' ').length >= 3).map((p) => p.fullName);
  if (!presiding || persons.length === 0) continue;
  const template = judgments.find((t) => servesCase(t.meta, kase, buildContext({ court: court.court, staff: court.staff, kase, today, hearingKinds: t.meta.hearingKinds })));
  if (!template) continue;
  console.log(JSON.stringify({ caseId: kase.id, number: kase.acceptanceNumber, templateId: template.meta.id, persons, presiding: presiding.name }));
  process.exit(0);
}
throw new Error('No demo case presided by s-judge-01 has a judgment template and a natural-person party');
