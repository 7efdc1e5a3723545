/**
 * Pack distribution shared by the court server and the app (docs/TEMPLATES.md §7): identify and
 * verify either kind of signed pack against a list of trusted keys, version ordering, the newest
 * template per id, and the line diff shown when a draft's template has a newer version.
 */
export { compareVersions, isNewer } from './version.js';
export { identifyPack, verifyAnyPack, PACK_KINDS, type PackIdentity, type PackKind, type VerifiedAnyPack } from './verify.js';
export { mergeTrustedKeys, parseTrustedKeys, type TrustedKey } from './trusted-keys.js';
export { newestTemplates } from './newest.js';
export { diffLines, diffStats, foldUnchanged, type DiffLine, type DiffRow } from './line-diff.js';
export { packListSchema, packPath, type PackList, type PackListEntry } from './list.js';
