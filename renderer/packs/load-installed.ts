/**
 * Loading the installed packs into memory (installed.ts): every stored pack file is verified
 * again with the current trust list, then compiled. Imported on demand (it pulls in the template
 * compiler and WebCrypto verification), never at app start.
 */
import { compareVersions } from '../../shared/packs/version.js';
import { verifyAnyPack } from '../../shared/packs/verify.js';
import type { CourtdeskDb, InstalledPackRecord } from '../replica/schema.js';
import { publishInstalled, type InstalledDeadlinePack, type InstalledState, type InstalledTemplatePack, type PackSummary, type UnusablePack } from './installed.js';
import { installedPacks } from './pack-db.js';
import { trustedKeys } from './trust.js';

function summaryOf(record: InstalledPackRecord): PackSummary {
  const { bytes: _bytes, ...summary } = record;
  return summary;
}

/** Verifies and compiles every stored pack, then publishes the new state. */
export async function reloadInstalled(db: CourtdeskDb): Promise<InstalledState> {
  const [records, keys] = await Promise.all([installedPacks(db), trustedKeys(db)]);
  const templatePacks: InstalledTemplatePack[] = [];
  const deadlinePacks: InstalledDeadlinePack[] = [];
  const unusable: UnusablePack[] = [];
  for (const record of records) {
    const verified = await verifyAnyPack(record.bytes, keys);
    const summary = summaryOf(record);
    if (!verified.ok) unusable.push({ summary, messageVi: verified.error.messageVi, messageEn: verified.error.messageEn });
    else if (verified.value.kind === 'templates') templatePacks.push({ summary, templates: verified.value.templates });
    else deadlinePacks.push({ summary, tables: verified.value.tables });
  }
  const byVersion = (a: { summary: PackSummary }, b: { summary: PackSummary }) =>
    a.summary.packId.localeCompare(b.summary.packId) || compareVersions(a.summary.version, b.summary.version);
  return publishInstalled({ templatePacks: templatePacks.sort(byVersion), deadlinePacks: deadlinePacks.sort(byVersion), unusable });
}

