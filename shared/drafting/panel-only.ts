/**
 * Which documents only the trial panel may open (DESIGN §4; the server enforces it from
 * `meta.restrictedToStaff`, server/auth/access.ts):
 * - biên bản nghị án, always: the deliberation is secret;
 * - a judgment (bản án) until it is pronounced. The app's moment of pronouncement is the
 *   presiding judge's signature, which finalises it: the panel has passed it in the
 *   deliberation room and it is then read out in court. From then on the court's staff read it
 *   (the clerk sends it to the parties within 10 days, Điều 269 BLTTDS), so finalising lifts the
 *   restriction in the same change (finalisation.ts), which the server accepts as the update
 *   that makes the document read-only.
 */
import type { DocumentKind } from '../domain/vocabulary.js';
import type { DocumentPanelMember } from './document-doc.js';

/** Panel roles that deliberate (Hội đồng xét xử): the clerk and the prosecutor do not. */
const DELIBERATING_ROLES: ReadonlySet<string> = new Set(['presidingJudge', 'judge', 'assessor']);

/** The staff ids a new document of `kind` is restricted to, or undefined when the whole court may open it. */
export function panelOnlyStaff(kind: DocumentKind, panel: readonly DocumentPanelMember[]): string[] | undefined {
  if (kind !== 'deliberationMinutes' && kind !== 'judgment') return undefined;
  return panel.filter((member) => DELIBERATING_ROLES.has(member.role)).map((member) => member.staffId);
}

/** Whether the restriction of a document of `kind` ends when it is finalised (pronounced). */
export function panelOnlyUntilFinalised(kind: unknown): boolean {
  return kind === 'judgment';
}
