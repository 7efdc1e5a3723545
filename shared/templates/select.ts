/**
 * Which templates serve which case: case type and procedure level from the metadata, then the
 * template's own `requires:` condition on the case's context (e.g. only online hearings for the
 * online variant of the minutes).
 */
import type { Case } from '../domain/schemas.js';
import { evaluateOnContext } from './conditions.js';
import type { TemplateMeta } from './model.js';
import type { ContextValue } from './paths.js';

/** True when the template is meant for this kind of case (type and level). */
export function servesCaseKind(meta: TemplateMeta, kase: Pick<Case, 'type' | 'level'>): boolean {
  return meta.caseTypes.includes(kase.type) && meta.levels.includes(kase.level);
}

/** True when the template serves the case and its `requires:` holds on the context. */
export function servesCase(meta: TemplateMeta, kase: Pick<Case, 'type' | 'level'>, context: ContextValue): boolean {
  return servesCaseKind(meta, kase) && (!meta.requires || evaluateOnContext(meta.requires, context));
}
