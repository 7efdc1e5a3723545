/**
 * One Y.Doc per case (DESIGN §3). The layout is chosen so that two people editing different
 * things offline merge without loss:
 *
 * ```
 * Y.Doc
 * ├── meta       Y.Map   { schemaVersion }
 * ├── case       Y.Map   scalar fields of Case (number, type, subject, status, dates, …);
 * │                      `publication` is one plain JSON value (a decision is replaced whole)
 * ├── parties    Y.Map   partyId   → Y.Map of Party fields
 * ├── panel      Y.Map   memberId  → Y.Map of PanelMember fields
 * ├── hearings   Y.Map   hearingId → Y.Map of Hearing fields, `attendance` a nested Y.Map
 * └── documents  Y.Map   docId     → Y.Map of CaseDocumentRef fields
 * ```
 *
 * Entities are keyed maps, not arrays, so concurrent additions never collide and a correction of
 * one party's address does not conflict with another person adding a witness. Every field is its
 * own map entry: the clerk fixing a name and the judge fixing the address of the same party both
 * survive. Display order is the `order` field, not array position.
 */
import * as Y from 'yjs';
import { CaseSchema, type Case } from './schemas.js';
import { DomainException, domainError } from './result.js';

export const CASE_DOC_SCHEMA_VERSION = 1;

/** The keyed maps of a case doc, one per kind of entity. */
export const ENTITY_MAPS = ['parties', 'panel', 'hearings', 'documents'] as const;
type EntityMapName = (typeof ENTITY_MAPS)[number];

export function caseRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('case');
}

export function entityMap(doc: Y.Doc, name: EntityMapName): Y.Map<Y.Map<unknown>> {
  return doc.getMap(name) as Y.Map<Y.Map<unknown>>;
}

/** Writes plain fields into a Y.Map, skipping unchanged values so no needless update is made. */
export function writeFields(target: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) {
      if (target.has(key)) target.delete(key);
      continue;
    }
    if (key === 'attendance') {
      writeAttendance(target, value as Record<string, string>);
      continue;
    }
    const current = target.get(key);
    if (!sameValue(current, value)) target.set(key, value);
  }
}

function writeAttendance(hearing: Y.Map<unknown>, attendance: Record<string, string>): void {
  let map = hearing.get('attendance');
  if (!(map instanceof Y.Map)) {
    map = new Y.Map<string>();
    hearing.set('attendance', map);
  }
  const attendanceMap = map as Y.Map<string>;
  for (const [partyId, value] of Object.entries(attendance)) {
    if (attendanceMap.get(partyId) !== value) attendanceMap.set(partyId, value);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  // A record kept whole as one value (the case's `publication`): equal when its JSON is.
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !(a instanceof Y.AbstractType)) {
    return canonicalJson(a) === canonicalJson(b);
  }
  return false;
}

/** Creates or updates one entity (party, panel member, hearing, document) in its keyed map. */
export function writeEntity(doc: Y.Doc, name: EntityMapName, id: string, fields: Record<string, unknown>): void {
  const map = entityMap(doc, name);
  let entity = map.get(id);
  if (!(entity instanceof Y.Map)) {
    entity = new Y.Map<unknown>();
    map.set(id, entity);
  }
  writeFields(entity, { ...fields, id });
}

/**
 * Writes a whole validated case into an empty (or existing) doc, in one transaction.
 * Used by import and the demo loader; edits go through case-mutations.ts.
 */
export function writeCase(doc: Y.Doc, data: Case, origin: unknown = null): void {
  doc.transact(() => {
    const meta = doc.getMap('meta');
    // Set only when different: re-writing an unchanged case must not produce an update to sync.
    if (meta.get('schemaVersion') !== CASE_DOC_SCHEMA_VERSION) meta.set('schemaVersion', CASE_DOC_SCHEMA_VERSION);
    const { parties, panel, hearings, documents, ...scalars } = data;
    writeFields(caseRoot(doc), scalars);
    for (const party of parties) writeEntity(doc, 'parties', party.id, party);
    for (const member of panel) writeEntity(doc, 'panel', member.id, member);
    for (const hearing of hearings) writeEntity(doc, 'hearings', hearing.id, hearing);
    for (const document of documents) writeEntity(doc, 'documents', document.id, document);
  }, origin);
}

function entityToJson(entity: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entity.entries()) {
    out[key] = value instanceof Y.Map ? value.toJSON() : value;
  }
  return out;
}

function readEntities(doc: Y.Doc, name: EntityMapName): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  for (const entity of entityMap(doc, name).values()) {
    if (entity instanceof Y.Map) list.push(entityToJson(entity));
  }
  return list.sort((a, b) => {
    const byOrder = Number(a.order ?? 0) - Number(b.order ?? 0);
    return byOrder !== 0 ? byOrder : String(a.id).localeCompare(String(b.id));
  });
}

/** The case as plain JSON, without validation (for diagnostics and tests). */
export function readCaseRaw(doc: Y.Doc): Record<string, unknown> {
  return {
    ...caseRoot(doc).toJSON(),
    parties: readEntities(doc, 'parties'),
    panel: readEntities(doc, 'panel'),
    hearings: readEntities(doc, 'hearings').sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt))),
    documents: readEntities(doc, 'documents'),
  };
}

/** True when the doc holds no case at all (never written, or a failed load). */
export function isEmptyCaseDoc(doc: Y.Doc): boolean {
  return !caseRoot(doc).has('id');
}

/**
 * Reads the case held by a doc. Throws a {@link DomainException} when the doc is empty or its
 * content does not validate: the caller decides how to tell the user; nothing is guessed.
 */
export function readCase(doc: Y.Doc): Case {
  if (isEmptyCaseDoc(doc)) {
    throw new DomainException(
      domainError('caseDoc.empty', 'Hồ sơ vụ án trống hoặc chưa tải được.', 'The case document is empty or not loaded.'),
    );
  }
  const parsed = CaseSchema.safeParse(readCaseRaw(doc));
  if (!parsed.success) {
    throw new DomainException(
      domainError(
        'caseDoc.invalid',
        'Dữ liệu hồ sơ vụ án bị lỗi, không đọc được.',
        'The case document does not validate.',
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      ),
    );
  }
  return parsed.data;
}

/** A fresh doc holding `data`. GC stays on: case docs have no history view of their own. */
export function createCaseDoc(data: Case): Y.Doc {
  const doc = new Y.Doc();
  writeCase(doc, data);
  return doc;
}

/** JSON with object keys sorted at every depth: the same case always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 32-bit FNV-1a over the UTF-16 code units of `text` (fast, stable, no dependency). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The Yjs client id an imported case is written with: a hash of its canonical JSON, never 0.
 *
 * Why: the app fills an empty replica with the demo court and the court server is seeded with
 * the same court. Two docs written independently with random client ids are two concurrent
 * writers of every key: on first sync Yjs keeps ONE of the two writes per key, and the losing
 * side's nested entity maps (a party's Y.Map) are dropped together with any edit made inside
 * them. Written with the same id, the same case yields byte-identical structs on both machines,
 * which Yjs de-duplicates; a different case yields a different id, hence an ordinary merge.
 */
export function importClientId(data: Case): number {
  return fnv1a32(canonicalJson(data)) || 1;
}

/**
 * Writes an imported case into `doc` (a fresh, empty doc) under its deterministic client id
 * ({@link importClientId}), then gives the doc a fresh random id so that later edits made
 * through this very doc are never attributed to the shared import id.
 */
export function writeImportedCase(doc: Y.Doc, data: Case): void {
  const ownId = doc.clientID;
  doc.clientID = importClientId(data);
  try {
    writeCase(doc, data);
  } finally {
    doc.clientID = ownId;
  }
}

/**
 * A doc holding an imported case, identical (same bytes from `Y.encodeStateAsUpdate`) on every
 * machine that imports the same case; `guid` is the doc's id (see the replica's newDoc).
 *
 * @example
 *   const a = Y.encodeStateAsUpdate(createCaseDocFromImport(c)); // equals the same call elsewhere
 */
export function createCaseDocFromImport(data: Case, guid?: string): Y.Doc {
  const doc = guid === undefined ? new Y.Doc() : new Y.Doc({ guid });
  writeImportedCase(doc, data);
  return doc;
}
