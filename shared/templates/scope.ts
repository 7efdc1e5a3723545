/**
 * Checking a path as a template writes it, with the repeat variables in scope: `p.fullName` inside
 * `::repeat parties.byRole.plaintiff as p` is checked as `parties.byRole.plaintiff.0.fullName`.
 * Used by the compiler so an unknown path fails at build time, with its line, not at render time.
 */
import { loopMetaSpec, resolveSpec } from './paths.js';

/** Repeat variable → absolute path of the list it iterates. */
export type Scope = ReadonlyMap<string, string>;

export type PathUse = 'field' | 'condition' | 'list';

export type PathCheck =
  | { readonly ok: true; readonly absolute: string }
  | { readonly ok: false; readonly messageVi: string; readonly messageEn: string };

/** The absolute form of a path (repeat variables replaced by `list.0`), for checking only. */
export function absolutise(path: string, scope: Scope): string {
  const [head = '', ...rest] = path.split('.');
  const list = scope.get(head);
  if (list === undefined) return path;
  return [list, '0', ...rest].join('.');
}

export function checkPath(path: string, scope: Scope, use: PathUse): PathCheck {
  const [head = '', second, ...more] = path.split('.');
  if (scope.has(head) && second !== undefined && second.startsWith('$')) {
    const meta = loopMetaSpec(second);
    if (!meta || more.length > 0) {
      return { ok: false, messageVi: `"${path}": chỉ có $index, $count, $first, $last`, messageEn: `"${path}": only $index, $count, $first, $last exist` };
    }
    if (use === 'list') return { ok: false, messageVi: `"${path}" không phải danh sách`, messageEn: `"${path}" is not a list` };
    return { ok: true, absolute: path };
  }
  if (scope.has(head) && second === undefined && use !== 'condition') {
    return { ok: false, messageVi: `"${path}" là cả một phần tử: cần chỉ rõ trường, ví dụ ${path}.fullName`, messageEn: `"${path}" is a whole item: name a field` };
  }
  const absolute = absolutise(path, scope);
  const target = resolveSpec(absolute.split('.'));
  if (!target.ok) {
    return { ok: false, messageVi: `trường không tồn tại: ${target.reasonVi}`, messageEn: `unknown field: ${target.reasonEn}` };
  }
  const kind = target.spec.kind;
  if (use === 'list' && kind !== 'list') {
    return { ok: false, messageVi: `"${path}" không phải danh sách nên không lặp được`, messageEn: `"${path}" is not a list` };
  }
  if (use === 'field' && kind !== 'text' && kind !== 'number') {
    const what = kind === 'bool' ? 'đúng/sai (dùng trong ::if)' : kind === 'list' ? 'danh sách (dùng ::repeat)' : 'nhóm trường';
    return { ok: false, messageVi: `"${path}" là ${what}, không in ra được`, messageEn: `"${path}" is a ${kind}, not printable` };
  }
  if (use === 'condition' && kind === 'map') {
    return { ok: false, messageVi: `"${path}" cần thêm khóa`, messageEn: `"${path}" needs a key` };
  }
  return { ok: true, absolute };
}
