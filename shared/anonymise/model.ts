/**
 * The shapes of the publication-copy anonymiser (NQ 03/2017 Art. 7, CV 144/TANDTC-PC;
 * vn-court-forms.md §3.3): who is in the case, what was replaced, where.
 */

/** One person or organisation of the case, as the CLI's PARTIES.json lists them. */
export interface PartyInput {
  readonly name: string;
  /**
   * A procedural role (`accused`, `plaintiff` …), a panel or staff role (`presidingJudge`, `clerk`,
   * `prosecutor` …) or its Vietnamese label ("Bị cáo", "Thẩm phán", "Thư ký phiên tòa"). Judges,
   * assessors, clerks and prosecutors keep their names; everyone else is anonymised.
   */
  readonly role: string;
  /** `person` or `organisation`; guessed from the name ("Công ty …") when absent. */
  readonly kind?: 'person' | 'organisation';
  readonly address?: string;
  /** Kept, as published judgments keep it (§3.3); listed so the reviewer sees it was considered. */
  readonly birthDate?: string;
  /** CCCD/CMND, passport or business registration number: masked wherever it appears. */
  readonly idNumber?: string;
  readonly phone?: string;
}

export type ReplacementKind =
  | 'person'
  /** A given name after an honorific ("anh Tuấn" → "anh T"): worth a reviewer's look. */
  | 'personShort'
  | 'organisation'
  | 'address'
  | 'idNumber'
  | 'passport'
  | 'phone'
  | 'bankAccount'
  | 'plate'
  | 'email'
  /** Added by the reviewing judge: a text the rules missed and what replaces it everywhere. */
  | 'manual';

export interface Position {
  /** Offsets in the NFC-normalised input text (for a document: in the block's text). */
  readonly start: number;
  readonly end: number;
  /** For documents: the JSON path of the block, e.g. `content.12`. */
  readonly at?: string;
}

/** One distinct replacement, for human review before publication. */
export interface Replacement {
  readonly original: string;
  readonly replacement: string;
  readonly kind: ReplacementKind;
  readonly count: number;
  readonly positions: readonly Position[];
}

/** A change to the text: `[start, end)` becomes `text`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A replacement the reviewing judge adds: every mention of `original` becomes `replacement`. */
export interface AddedReplacement {
  readonly original: string;
  readonly replacement: string;
}

export interface AnonymiseOptions {
  /** Names to keep even though their role would anonymise them (e.g. a public official). */
  readonly keep?: readonly string[];
  /**
   * Review lines the judge rejected, by {@link replacementKey} (decisions.ts): their mentions keep
   * the original text and stay protected from every lower rule.
   */
  readonly reject?: readonly string[];
  /** Replacements the judge added; they win over every rule, officers included (the judge's call). */
  readonly add?: readonly AddedReplacement[];
}
