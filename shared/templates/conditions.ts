/**
 * Conditions of `::if`, `::elif` and `requires:` — a tiny, closed grammar so a template stays data,
 * never code:
 *
 *   cond    := or
 *   or      := and ('or' and)*
 *   and     := unary ('and' unary)*
 *   unary   := 'not' unary | '(' or ')' | PATH [OP LITERAL]
 *   OP      := == != > >= < <=
 *   LITERAL := number | true | false | 'text' | "text" | bare-word
 *
 * A bare path is true when its value is present: a non-empty text, a non-zero number, `true`, a
 * non-empty list or an object. Examples: `panel.size == 5`, `hearing.closed`,
 * `not parties.byRole.interestedParty`, `case.type == HNGĐ or case.type == DS`.
 */
import type { CompareOp, Condition, Literal } from './model.js';
import { getValue, type ContextValue } from './paths.js';

export type ConditionParse = { ok: true; condition: Condition } | { ok: false; messageVi: string; messageEn: string };

const TOKEN = /\s*(==|!=|>=|<=|>|<|\(|\)|'[^']*'|"[^"]*"|[^\s()=!<>]+)/gy;

function tokenize(source: string): string[] | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(source);
    if (!match) return undefined;
    tokens.push(match[1] ?? '');
  }
  return tokens;
}

const OPS: readonly string[] = ['==', '!=', '>', '>=', '<', '<='];

function literal(token: string): Literal {
  if (/^'.*'$|^".*"$/s.test(token)) return token.slice(1, -1);
  if (token === 'true') return true;
  if (token === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
  return token;
}

/** Parses a condition; paths are returned as written (the caller checks them). */
export function parseCondition(source: string): ConditionParse {
  const tokens = tokenize(source);
  if (!tokens || tokens.length === 0) {
    return { ok: false, messageVi: 'điều kiện trống hoặc không đọc được', messageEn: 'empty or unreadable condition' };
  }
  let position = 0;
  const peek = () => tokens[position];
  const take = () => tokens[position++];
  class Stop extends Error {}
  const stop = (vi: string, en: string): never => {
    throw Object.assign(new Stop(en), { vi });
  };

  const parseOr = (): Condition => {
    const operands = [parseAnd()];
    while (peek() === 'or') {
      take();
      operands.push(parseAnd());
    }
    return operands.length === 1 ? (operands[0] as Condition) : { kind: 'or', operands };
  };
  const parseAnd = (): Condition => {
    const operands = [parseUnary()];
    while (peek() === 'and') {
      take();
      operands.push(parseUnary());
    }
    return operands.length === 1 ? (operands[0] as Condition) : { kind: 'and', operands };
  };
  const parseUnary = (): Condition => {
    const token = take();
    if (token === undefined) return stop('điều kiện bị thiếu vế sau', 'condition ends too early');
    if (token === 'not') return { kind: 'not', operand: parseUnary() };
    if (token === '(') {
      const inner = parseOr();
      if (take() !== ')') stop('thiếu dấu ")"', 'missing ")"');
      return inner;
    }
    if (!/^[A-Za-z$][\w$]*(\.[\w$]+)*$/.test(token)) {
      return stop(`"${token}" không phải đường dẫn trường`, `"${token}" is not a field path`);
    }
    const next = peek();
    if (next !== undefined && OPS.includes(next)) {
      take();
      const value = take();
      if (value === undefined) return stop(`thiếu giá trị sau "${next}"`, `missing value after "${next}"`);
      return { kind: 'compare', path: token, op: next as CompareOp, value: literal(value) };
    }
    return { kind: 'truthy', path: token };
  };

  try {
    const condition = parseOr();
    if (position < tokens.length) {
      return { ok: false, messageVi: `thừa "${tokens.slice(position).join(' ')}"`, messageEn: `unexpected "${tokens.slice(position).join(' ')}"` };
    }
    return { ok: true, condition };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, messageVi: (error as Stop & { vi: string }).vi, messageEn: error.message };
    throw error;
  }
}

/** Every path a condition reads (for validation). */
export function conditionPaths(condition: Condition): string[] {
  switch (condition.kind) {
    case 'truthy':
    case 'compare':
      return [condition.path];
    case 'not':
      return conditionPaths(condition.operand);
    default:
      return condition.operands.flatMap(conditionPaths);
  }
}

export function isPresent(value: ContextValue): boolean {
  if (value === undefined || value === false || value === '' || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function compare(left: ContextValue, op: CompareOp, right: Literal): boolean {
  if (op === '==' || op === '!=') {
    // Compare as text so `panel.size == 5` and `case.type == 'HS'` both read naturally.
    const equal = left !== undefined && typeof left !== 'object' && String(left) === String(right);
    return op === '==' ? equal : !equal;
  }
  const a = typeof left === 'number' ? left : Number(left);
  const b = typeof right === 'number' ? right : Number(right);
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (op === '>') return a > b;
  if (op === '>=') return a >= b;
  if (op === '<') return a < b;
  return a <= b;
}

/** Evaluates a condition; `lookup` resolves a path as written (repeat variables included). */
export function evaluateCondition(condition: Condition, lookup: (path: string) => ContextValue): boolean {
  switch (condition.kind) {
    case 'truthy':
      return isPresent(lookup(condition.path));
    case 'compare':
      return compare(lookup(condition.path), condition.op, condition.value);
    case 'not':
      return !evaluateCondition(condition.operand, lookup);
    case 'and':
      return condition.operands.every((c) => evaluateCondition(c, lookup));
    case 'or':
      return condition.operands.some((c) => evaluateCondition(c, lookup));
  }
}

/** Evaluates against a whole context (no repeat variables): for `requires:`. */
export function evaluateOnContext(condition: Condition, context: ContextValue): boolean {
  return evaluateCondition(condition, (path) => getValue(context, path));
}
