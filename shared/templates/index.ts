/**
 * The template engine's public API (DESIGN §5): compile a readable source to a template, build the
 * render context of a case, render to document JSON, keep fields live until finalisation, and
 * sign/verify template packs. See docs/TEMPLATES.md.
 */
export type * from './model.js';
export { compileTemplate, formatTemplateError, toDomainError, type CompileResult, type TemplateError } from './source-format.js';
export { buildContext, selectedHearingId, type ContextInput } from './context.js';
export { renderTemplate, renderForCase, resolveField, type RenderResult } from './render.js';
export { refreshFields, freezeFields, collectFields, type RefreshResult } from './refresh.js';
export { docToText, missingMarker } from './text.js';
export { servesCase, servesCaseKind } from './select.js';
export { fieldRows, getValue, labelOf, type ContextValue, type ContextObject, type FieldRow } from './paths.js';
export { formatLegalDate, formatHeaderDate, formatOpening, formatClock } from './dates.js';
export {
  buildPack,
  generateKeyPair,
  parseKey,
  parsePack,
  serializePack,
  signPack,
  verifyPack,
  type KeyPair,
  type PackManifest,
  type TemplatePack,
  type VerifiedPack,
} from './pack.js';
export { builtinTemplates, builtinTemplate, builtinSourceFiles, BUILTIN_SOURCES } from './builtin/index.js';
