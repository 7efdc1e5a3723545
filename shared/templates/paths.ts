/**
 * Field paths: dotted names into the render context (`parties.byRole.plaintiff.0.fullName`).
 * Here: reading a value at a path, checking a path against the field table (field-spec.ts), the
 * label of a path, and the flat list of every path for the reference in docs/TEMPLATES.md.
 */
import { CONTEXT_SPEC, LOOP_META, type LeafSpec, type Spec } from './field-spec.js';

/** Context values: what context.ts builds and what `extra` may add. */
export type ContextValue = string | number | boolean | undefined | ContextObject | readonly ContextValue[];
export interface ContextObject {
  readonly [key: string]: ContextValue;
}

export const PATH_PATTERN = /^[A-Za-z$][\w$]*(?:\.[\w$]+)*$/;

/** Reads the value at a dotted path; undefined when any step is absent. */
export function getValue(root: ContextValue, path: string): ContextValue {
  let current: ContextValue = root;
  for (const segment of path.split('.')) {
    if (current === undefined || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return undefined;
      current = (current as readonly ContextValue[])[Number(segment)];
    } else {
      current = (current as ContextObject)[segment];
    }
  }
  return current;
}

/** What a path leads to in the field table. */
export type PathTarget =
  | { readonly ok: true; readonly spec: Spec; readonly label: string }
  | { readonly ok: false; readonly reasonVi: string; readonly reasonEn: string };

/**
 * Walks `segments` from `start` (the whole context by default); list steps take an index.
 * `owners` carries the owner labels of the steps already taken (for a repeat variable's item).
 */
export function resolveSpec(segments: readonly string[], start: Spec = CONTEXT_SPEC, owners: readonly string[] = []): PathTarget {
  let spec: Spec = start;
  const ownerStack = [...owners];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] ?? '';
    const where = segments.slice(0, i + 1).join('.');
    switch (spec.kind) {
      case 'object': {
        const next: Spec | undefined = Object.hasOwn(spec.fields, segment) ? spec.fields[segment] : undefined;
        if (!next) {
          const known = Object.keys(spec.fields).join(', ');
          return fail(`không có trường "${where}" (có: ${known})`, `no field "${where}" (known: ${known})`);
        }
        spec = next;
        if (spec.kind === 'object' && spec.owner) ownerStack.push(spec.owner.vi);
        break;
      }
      case 'map': {
        if (!spec.keys.includes(segment)) {
          return fail(`"${segment}" không phải khóa hợp lệ của "${segments.slice(0, i).join('.')}" (có: ${spec.keys.join(', ')})`, `"${segment}" is not a valid key (known: ${spec.keys.join(', ')})`);
        }
        ownerStack.push(spec.keyOwner(segment).vi);
        spec = spec.value;
        break;
      }
      case 'list': {
        if (!/^\d+$/.test(segment)) {
          return fail(`"${segments.slice(0, i).join('.')}" là danh sách: cần số thứ tự hoặc dùng ::repeat`, `"${segments.slice(0, i).join('.')}" is a list: index it or use ::repeat`);
        }
        spec = spec.item;
        if (spec.owner) ownerStack.push(spec.owner.vi);
        break;
      }
      default:
        return fail(`"${segments.slice(0, i).join('.')}" là giá trị đơn, không có trường con`, `"${segments.slice(0, i).join('.')}" has no sub-fields`);
    }
  }
  const label = spec.kind === 'list' ? spec.label.vi : spec.kind === 'object' || spec.kind === 'map' ? segments.join('.') : spec.label.vi;
  return { ok: true, spec, label: [label, ...ownerStack.reverse()].join(' ') };
}

function fail(reasonVi: string, reasonEn: string): PathTarget {
  return { ok: false, reasonVi, reasonEn };
}

/** The label a clerk reads for an absolute path ("Năm sinh của bị cáo"); the path itself if unknown. */
export function labelOf(path: string): string {
  const target = resolveSpec(path.split('.'));
  return target.ok ? target.label : path;
}

/** The spec of a loop variable's meta field, or undefined. */
export function loopMetaSpec(name: string): LeafSpec | undefined {
  return Object.hasOwn(LOOP_META, name) ? LOOP_META[name] : undefined;
}

/** One row of the field reference. */
export interface FieldRow {
  /** `parties.byRole.<role>[].fullName`: `[]` marks a list (index it, or repeat over it). */
  readonly path: string;
  readonly type: 'text' | 'number' | 'bool' | 'list';
  readonly labelVi: string;
  readonly labelEn: string;
  readonly example: string;
  /** Not in the case data model: supplied by the editor, else marked missing. */
  readonly supplied: boolean;
}

/** Every path of the field table, depth first, in declaration order. */
export function fieldRows(spec: Spec = CONTEXT_SPEC, prefix = ''): FieldRow[] {
  const rows: FieldRow[] = [];
  switch (spec.kind) {
    case 'object':
      for (const [key, child] of Object.entries(spec.fields)) rows.push(...fieldRows(child, prefix ? `${prefix}.${key}` : key));
      break;
    case 'map':
      rows.push(...fieldRows(spec.value, `${prefix}.<role>`));
      break;
    case 'list':
      rows.push({ path: `${prefix}[]`, type: 'list', labelVi: spec.label.vi, labelEn: spec.label.en, example: '', supplied: false });
      rows.push(...fieldRows(spec.item, `${prefix}[]`));
      break;
    default:
      rows.push({
        path: prefix,
        type: spec.kind,
        labelVi: spec.label.vi,
        labelEn: spec.label.en,
        example: spec.example ?? '',
        supplied: spec.supplied === true,
      });
  }
  return rows;
}
