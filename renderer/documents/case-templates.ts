/**
 * The template side of "Soạn văn bản từ mẫu", loaded with a dynamic `import()` (loaders.ts) so the
 * app's cold start does not compile the built-in pack: which built-in templates serve a case, and
 * the rendering of one of them against the case, its court and staff. Hearing templates use the
 * latest hearing of their kinds (the engine's default); a case without one renders those fields
 * as missing.
 */
import type { Case, Court, StaffMember } from '../../shared/domain/schemas.js';
import { buildContext, builtinTemplates, renderTemplate, servesCase, type RenderResult, type Template } from '../../shared/templates/index.js';
import { newestTemplates } from '../../shared/packs/newest.js';
import { installedTemplates } from '../packs/installed.js';

export interface CaseDocumentInput {
  readonly court: Court;
  readonly staff: readonly StaffMember[];
  readonly kase: Case;
  /** `YYYY-MM-DD`: the document's date line. */
  readonly today: string;
}

function contextFor(template: Template, input: CaseDocumentInput) {
  return buildContext({ court: input.court, staff: input.staff, kase: input.kase, today: input.today, hearingKinds: template.meta.hearingKinds });
}

/**
 * The templates that serve this case (type, level and each template's `requires:`): of every
 * template id, only the newest version among the built-in pack and the signed packs installed
 * from the court server (renderer/packs).
 */
export function templatesForCase(input: CaseDocumentInput, installed: readonly Template[] = installedTemplates()): readonly Template[] {
  return newestTemplates(builtinTemplates(), installed).filter((template) => servesCase(template.meta, input.kase, contextFor(template, input)));
}

export function renderCaseDocument(template: Template, input: CaseDocumentInput): RenderResult {
  return renderTemplate(template, contextFor(template, input));
}

/** The official number printed on the document, for the DOCX properties (minutes have none). */
export function documentNumber(template: Template, kase: Case): string | undefined {
  if (template.meta.kind === 'judgment') return kase.judgmentNumber;
  if (template.meta.kind === 'decision') return kase.trialDecisionNumber;
  return undefined;
}
