/**
 * The minutes a hearing needs (biên bản phiên tòa for a trial, biên bản hòa giải for a mediation
 * or an evidence session), chosen among the templates available on this laptop and rendered for
 * that very hearing, so the day pack can say which fields the clerk will find missing.
 */
import type { Case, Court, Hearing, StaffMember } from '../domain/schemas.js';
import type { TemplateDocumentKind } from '../templates/model.js';
import { buildContext, renderTemplate, servesCase, type RenderResult, type Template } from '../templates/index.js';
import { resolveSpec } from '../templates/paths.js';
import type { MissingField } from './readiness.js';

/** Which minutes each hearing kind is recorded in (a dialogue in HC cases has no built-in form). */
export const MINUTES_KIND_BY_HEARING: Readonly<Record<Hearing['kind'], TemplateDocumentKind | undefined>> = {
  trial: 'hearingMinutes',
  mediation: 'mediationMinutes',
  evidenceSession: 'mediationMinutes',
  dialogue: undefined,
};

export interface MinutesInput {
  readonly court: Court;
  readonly staff: readonly StaffMember[];
  readonly kase: Case;
  readonly hearing: Hearing;
  /** `YYYY-MM-DD`: the document's date line (the hearing day). */
  readonly today: string;
}

export interface MinutesChoice {
  readonly template: Template;
  readonly rendered: RenderResult;
  readonly missing: readonly MissingField[];
}

function contextFor(template: Template, input: MinutesInput) {
  return buildContext({ court: input.court, staff: input.staff, kase: input.kase, hearingId: input.hearing.id, hearingKinds: template.meta.hearingKinds, today: input.today });
}

/**
 * The first template (in the given order) of the hearing's minutes kind that serves the case and
 * this hearing (an online hearing gets the online variant), rendered; undefined when none does.
 * For mediation the general "Biên bản hòa giải" comes before "hòa giải thành" in the built-in pack.
 */
export function chooseMinutes(templates: readonly Template[], input: MinutesInput): MinutesChoice | undefined {
  const kind = MINUTES_KIND_BY_HEARING[input.hearing.kind];
  if (kind === undefined) return undefined;
  for (const template of templates) {
    if (template.meta.kind !== kind || !template.meta.hearingKinds.includes(input.hearing.kind)) continue;
    const context = contextFor(template, input);
    if (!servesCase(template.meta, input.kase, context)) continue;
    const rendered = renderTemplate(template, context);
    return { template, rendered, missing: rendered.missing.map((f) => ({ path: f.path, label: f.label, atHearing: recordedAtHearing(f.path) })) };
  }
  return undefined;
}

/**
 * Values written while the hearing runs: attendance (có mặt / vắng mặt) and the fields the
 * template engine marks `supplied` (the end time, remote sites), which no case data can fill.
 */
export function recordedAtHearing(path: string): boolean {
  if (/\.attendance$/.test(path)) return true;
  const target = resolveSpec(path.split('.'));
  return target.ok && target.spec.kind !== 'object' && 'supplied' in target.spec && target.spec.supplied === true;
}
