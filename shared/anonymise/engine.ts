/**
 * The anonymiser: built once from the case's people (structured data first), then run over any
 * number of texts (a whole judgment, or each paragraph of a document) with the same aliases, so a
 * person is "Nguyễn Văn A" in every mention. Every rule proposes candidate spans with a priority;
 * overlaps are settled by priority, then length, so an officer's name (kept) is never touched by a
 * pattern, and a party's full name beats a pattern that matches part of it.
 *
 * Rules, by priority: officers' names (kept) › people of the party list (full name, any case, any
 * white space or line break between the words) › businesses › the parties' addresses › their
 * identity and phone numbers › identifier patterns (CCCD/CMND, passport, phone, bank account,
 * plate, e-mail) › addresses in running text ending with a province › a given name after an
 * honorific ("anh Tuấn").
 */
import { ADDRESS_CHAIN, anonymiseAddress, INSTITUTION_BEFORE, reduceUnits } from './address.js';
import { IDENTIFIER_RULES, mask } from './identifiers.js';
import { eitherCase, escapeRegExp, flexibleWords, isUpper, WORD_END, WORD_START } from './letters.js';
import type { AnonymiseOptions, Edit, PartyInput, ReplacementKind } from './model.js';
import { organisationAlias, planPersonAliases } from './names.js';
import { replacementKey } from './report.js';
import { isOfficerRole, looksLikeOrganisation } from './roles.js';

/** One replacement found in a text, before grouping for the report. */
export interface Found {
  readonly kind: ReplacementKind;
  readonly original: string;
  readonly replacement: string;
  readonly start: number;
  readonly end: number;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly priority: number;
  readonly edits: readonly Edit[];
  /** Undefined: a protected span (an officer's name). */
  readonly found?: Found;
}

interface Rule {
  readonly priority: number;
  collect(text: string, out: Candidate[]): void;
}

const HONORIFICS = ['ông', 'bà', 'anh', 'chị', 'em', 'cháu', 'cô', 'chú', 'bị cáo', 'bị hại', 'nguyên đơn', 'bị đơn', 'người làm chứng'];

const span = (m: RegExpExecArray, group: number): [number, number] => m.indices?.[group] ?? [m.index, m.index + m[0].length];

function nameRule(words: readonly string[], priority: number, onMatch: (m: RegExpExecArray) => Candidate | undefined): Rule {
  const pattern = new RegExp(`${WORD_START}${words.map((w) => `(${escapeRegExp(w)})`).join('\\s+')}${WORD_END}`, 'giud');
  return {
    priority,
    collect(text, out) {
      for (const m of text.matchAll(pattern)) {
        const candidate = onMatch(m);
        if (candidate) out.push(candidate);
      }
    },
  };
}

function wholeRule(source: string, kind: ReplacementKind, priority: number, original: string, replace: (matched: string) => string): Rule {
  const pattern = new RegExp(`${WORD_START}${source}${WORD_END}`, 'giu');
  return {
    priority,
    collect(text, out) {
      for (const m of text.matchAll(pattern)) {
        const replacement = replace(m[0]);
        if (replacement === m[0]) continue;
        const start = m.index;
        const end = start + m[0].length;
        out.push({ start, end, priority, edits: [{ start, end, text: replacement }], found: { kind, original, replacement, start, end } });
      }
    },
  };
}

/** Digits of an identity or phone number with optional spaces or dots between them. */
const flexibleDigits = (value: string): string =>
  [...value.replace(/[^\dA-Za-z]/g, '')].map(escapeRegExp).join('[\\s.]?');

/** Above the officers' protection (100): an addition is the reviewing judge's explicit decision. */
const ADDED_PRIORITY = 110;

export class Anonymiser {
  private readonly rules: Rule[] = [];
  private readonly rejected: ReadonlySet<string>;

  constructor(parties: readonly PartyInput[], options: AnonymiseOptions = {}) {
    this.rejected = new Set(options.reject ?? []);
    for (const added of options.add ?? []) {
      const original = added.original.normalize('NFC').trim().replace(/\s+/g, ' ');
      const replacement = added.replacement.normalize('NFC').trim();
      if (original === '' || original === replacement) continue;
      this.rules.push(wholeRule(flexibleWords(original), 'manual', ADDED_PRIORITY, original, (m) => (isUpper(m) && !isUpper(original) ? replacement.toLocaleUpperCase('vi') : replacement)));
    }
    const keep = new Set((options.keep ?? []).map((n) => n.normalize('NFC').trim().toLocaleLowerCase('vi')));
    const clean = parties.map((p) => ({ ...p, name: p.name.normalize('NFC').trim().replace(/\s+/g, ' ') })).filter((p) => p.name !== '');
    const kept = clean.filter((p) => isOfficerRole(p.role) || keep.has(p.name.toLocaleLowerCase('vi')));
    const participants = clean.filter((p) => !kept.includes(p));
    const isOrganisation = (p: PartyInput) => p.kind === 'organisation' || (p.kind === undefined && looksLikeOrganisation(p.name));
    const people = planPersonAliases(participants.filter((p) => !isOrganisation(p)).map((p) => p.name));

    for (const officer of kept) {
      this.rules.push(nameRule(officer.name.split(' '), 100, (m) => ({ start: m.index, end: m.index + m[0].length, priority: 100, edits: [] })));
    }
    for (const person of people) {
      this.rules.push(
        nameRule(person.words, 90, (m) => {
          const [gs, ge] = span(m, person.words.length);
          const start = m.index;
          const end = start + m[0].length;
          const given = m[person.words.length] ?? '';
          const text = isUpper(given) || isUpper(m[0]) ? person.givenReplacement.toLocaleUpperCase('vi') : person.givenReplacement;
          return { start, end, priority: 90, edits: [{ start: gs, end: ge, text }], found: { kind: 'person', original: person.name, replacement: person.alias, start, end } };
        }),
      );
    }
    for (const org of participants.filter(isOrganisation)) {
      const alias = organisationAlias(org.name);
      if (alias) this.rules.push(wholeRule(flexibleWords(org.name), 'organisation', 85, org.name, (m) => (isUpper(m) ? alias.toLocaleUpperCase('vi') : alias)));
    }
    for (const party of participants) {
      const address = party.address?.normalize('NFC').trim();
      if (address) {
        const reduced = anonymiseAddress(address);
        if (reduced !== address) this.rules.push(wholeRule(flexibleWords(address), 'address', 80, address, () => reduced));
      }
      for (const [value, kind] of [
        [party.idNumber, 'idNumber'],
        [party.phone, 'phone'],
      ] as const) {
        if (value && value.replace(/\W/g, '').length >= 6) this.rules.push(wholeRule(flexibleDigits(value), kind, 75, value, mask));
      }
    }
    for (const rule of IDENTIFIER_RULES) {
      const pattern = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('d', '')}d`);
      const priority = rule.cued ? 62 : 60;
      this.rules.push({
        priority,
        collect(text, out) {
          for (const m of text.matchAll(pattern)) {
            const [start, end] = m[1] === undefined ? span(m, 0) : span(m, 1);
            const value = text.slice(start, end);
            if (rule.accept && !rule.accept(value)) continue;
            const replacement = mask(value);
            out.push({ start, end, priority, edits: [{ start, end, text: replacement }], found: { kind: rule.kind, original: value, replacement, start, end } });
          }
        },
      });
    }
    const chain = new RegExp(ADDRESS_CHAIN.source, 'gud');
    this.rules.push({
      priority: 50,
      collect(text, out) {
        for (const m of text.matchAll(chain)) {
          const start = m.index;
          const [provinceStart] = span(m, 1);
          if (INSTITUTION_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
          // The span stops at the last lower unit: the province and the comma before it are not part of it.
          const original = text.slice(start, provinceStart).replace(/[\s,]+$/u, '');
          const end = start + original.length;
          const replacement = reduceUnits(original);
          if (replacement === original) continue;
          out.push({ start, end, priority: 50, edits: [{ start, end, text: replacement }], found: { kind: 'address', original, replacement, start, end } });
        }
      },
    });
    this.addShortNames(people, kept.map((k) => k.name));
  }

  /** "anh Tuấn" → "anh T", for given names no officer shares; ambiguous ones lose their number. */
  private addShortNames(people: ReturnType<typeof planPersonAliases>, officers: readonly string[]): void {
    const officerGiven = new Set(officers.map((n) => n.split(' ').pop() ?? ''));
    const byGiven = new Map<string, Set<string>>();
    for (const p of people) {
      const given = p.words[p.words.length - 1] ?? '';
      if (p.words.length < 2 || officerGiven.has(given)) continue;
      byGiven.set(given, (byGiven.get(given) ?? new Set()).add(p.givenReplacement));
    }
    if (byGiven.size === 0) return;
    const replacementOf = new Map([...byGiven].map(([given, set]) => [given, set.size === 1 ? [...set][0] ?? '' : (set.values().next().value ?? '').replace(/\d+$/, '')]));
    const pattern = new RegExp(
      `${WORD_START}(?:${HONORIFICS.map((h) => h.split(' ').map(eitherCase).join('\\s+')).join('|')})\\s+(${[...byGiven.keys()].map(escapeRegExp).join('|')})${WORD_END}`,
      'gud',
    );
    this.rules.push({
      priority: 40,
      collect(text, out) {
        for (const m of text.matchAll(pattern)) {
          const [start, end] = span(m, 1);
          const given = m[1] ?? '';
          const replacement = replacementOf.get(given) ?? given;
          out.push({ start, end, priority: 40, edits: [{ start, end, text: replacement }], found: { kind: 'personShort', original: given, replacement, start, end } });
        }
      },
    });
  }

  /** The edits for one NFC text, non-overlapping and sorted, with what each replaced. */
  scan(text: string): { edits: Edit[]; found: Found[] } {
    const candidates: Candidate[] = [];
    for (const rule of this.rules) rule.collect(text, candidates);
    candidates.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken = new Uint8Array(text.length + 1);
    const edits: Edit[] = [];
    const found: Found[] = [];
    for (const c of candidates) {
      let free = true;
      for (let i = c.start; i < c.end && free; i += 1) if (taken[i] === 1) free = false;
      if (!free) continue;
      taken.fill(1, c.start, c.end);
      // A rejected line keeps its text, and its span stays taken so no lower rule rewrites part of it.
      if (c.found && this.rejected.has(replacementKey(c.found))) continue;
      edits.push(...c.edits);
      if (c.found) found.push(c.found);
    }
    edits.sort((a, b) => a.start - b.start);
    found.sort((a, b) => a.start - b.start);
    return { edits, found };
  }
}

/** Applies sorted, non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}
