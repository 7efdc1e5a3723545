/**
 * The front matter of a template source: `key: value` lines ended by `---` (see source-format.ts
 * and docs/TEMPLATES.md §2 for the keys).
 */
import { CASE_TYPES, HEARING_KINDS, PROCEDURE_LEVELS, type CaseType, type HearingKind, type ProcedureLevel } from '../domain/vocabulary.js';
import { conditionPaths, parseCondition } from './conditions.js';
import type { Condition, TemplateDocumentKind, TemplateMeta } from './model.js';
import { checkPath } from './scope.js';
import type { TemplateError } from './template-error.js';

const DOCUMENT_KINDS: readonly TemplateDocumentKind[] = ['hearingMinutes', 'deliberationMinutes', 'mediationMinutes', 'judgment', 'decision'];

// ---------------------------------------------------------------------------------------------

/** Parses the header; pushes errors and returns undefined when it is unusable. */
export function parseFrontMatter(lines: readonly string[], origin: string, errors: TemplateError[]): { meta: TemplateMeta; bodyStart: number } | undefined {
  const values = new Map<string, { value: string; line: number }>();
  const notes: string[] = [];
  let id = origin;
  let end = -1;
  const error = (line: number, snippet: string, vi: string, en: string) => errors.push({ templateId: id, line, snippet, messageVi: vi, messageEn: en });
  for (let i = 0; i < lines.length; i += 1) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '---') {
      end = i;
      break;
    }
    if (raw === '' || raw.startsWith('#')) continue;
    const match = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(raw);
    if (!match) {
      error(i + 1, raw, 'dòng đầu mẫu phải có dạng "khóa: giá trị" (kết thúc bằng dòng "---")', 'header lines must be "key: value" (ended by a "---" line)');
      continue;
    }
    const key = match[1] as string;
    const value = (match[2] ?? '').trim();
    if (key === 'id') id = value || origin;
    if (key === 'note') notes.push(value);
    else if (values.has(key)) error(i + 1, raw, `khóa "${key}" bị lặp`, `duplicate key "${key}"`);
    else values.set(key, { value, line: i + 1 });
  }
  if (end < 0) {
    error(lines.length, lines.at(-1) ?? '', 'thiếu dòng "---" ngăn phần đầu với nội dung mẫu', 'missing the "---" line after the header');
    return undefined;
  }
  const KNOWN = ['id', 'version', 'effective', 'title', 'kind', 'caseTypes', 'levels', 'hearing', 'requires'];
  for (const [key, { line, value }] of values) {
    if (!KNOWN.includes(key)) error(line, `${key}: ${value}`, `khóa không hợp lệ "${key}" (có: ${KNOWN.join(', ')}, note)`, `unknown key "${key}"`);
  }
  const required = (key: string): { value: string; line: number } | undefined => {
    const entry = values.get(key);
    if (!entry || entry.value === '') error(end + 1, '---', `thiếu khóa bắt buộc "${key}"`, `missing required key "${key}"`);
    return entry && entry.value !== '' ? entry : undefined;
  };
  const idEntry = required('id');
  const version = required('version');
  const effective = required('effective');
  const title = required('title');
  const kind = required('kind');
  const caseTypes = required('caseTypes');
  const levels = required('levels');
  if (idEntry && !/^[A-Z0-9][A-Za-z0-9ĐđÐ./-]{2,79}$/u.test(idEntry.value)) {
    error(idEntry.line, idEntry.value, 'mã mẫu chỉ gồm chữ, số, "-", "/" và "."', 'the id may hold letters, digits, "-", "/" and "." only');
  }
  if (version && !/^\d+\.\d+\.\d+$/.test(version.value)) error(version.line, version.value, 'phiên bản phải có dạng semver, ví dụ 1.0.0', 'version must be semver, e.g. 1.0.0');
  if (effective && !/^\d{4}-\d{2}-\d{2}$/.test(effective.value)) error(effective.line, effective.value, 'ngày hiệu lực phải có dạng YYYY-MM-DD', 'effective date must be YYYY-MM-DD');
  if (kind && !DOCUMENT_KINDS.includes(kind.value as TemplateDocumentKind)) {
    error(kind.line, kind.value, `loại văn bản không hợp lệ (có: ${DOCUMENT_KINDS.join(', ')})`, 'unknown document kind');
  }
  const list = <T extends string>(entry: { value: string; line: number } | undefined, allowed: readonly T[], what: string): T[] => {
    if (!entry) return [];
    const items = entry.value.split(',').map((s) => s.trim()).filter((s) => s !== '');
    for (const item of items) {
      if (!allowed.includes(item as T)) error(entry.line, item, `${what} không hợp lệ "${item}" (có: ${allowed.join(', ')})`, `unknown ${what} "${item}"`);
    }
    return items.filter((item): item is T => allowed.includes(item as T));
  };
  const types = list<CaseType>(caseTypes, CASE_TYPES, 'loại vụ việc');
  const levelList = list<ProcedureLevel>(levels, PROCEDURE_LEVELS, 'cấp xét xử');
  const hearingEntry = values.get('hearing');
  const kindValue = (kind?.value ?? 'hearingMinutes') as TemplateDocumentKind;
  const hearingKinds = hearingEntry
    ? list<HearingKind>(hearingEntry, HEARING_KINDS, 'loại phiên')
    : kindValue === 'mediationMinutes'
      ? (['mediation', 'evidenceSession'] as HearingKind[])
      : (['trial'] as HearingKind[]);
  let requires: Condition | undefined;
  const requiresEntry = values.get('requires');
  if (requiresEntry) {
    const parsed = parseCondition(requiresEntry.value);
    if (!parsed.ok) error(requiresEntry.line, requiresEntry.value, parsed.messageVi, parsed.messageEn);
    else {
      requires = parsed.condition;
      for (const path of conditionPaths(parsed.condition)) {
        const checked = checkPath(path, new Map(), 'condition');
        if (!checked.ok) error(requiresEntry.line, requiresEntry.value, checked.messageVi, checked.messageEn);
      }
    }
  }
  if (errors.length > 0) return undefined;
  const meta: TemplateMeta = {
    id,
    version: version?.value ?? '',
    effectiveDate: effective?.value ?? '',
    title: title?.value ?? '',
    kind: kindValue,
    caseTypes: types,
    levels: levelList,
    hearingKinds,
    ...(requires && requiresEntry ? { requires, requiresText: requiresEntry.value } : {}),
    notes,
  };
  return { meta, bodyStart: end + 1 };
}

