/**
 * Plain-text anonymisation. The input is NFC-normalised first (NFD text from a PDF or a Mac copy
 * matches the same names); positions in the report are offsets in that normalised input.
 *
 * @example
 * const { text, replacements } = anonymiseText('Bị cáo Nguyễn Văn An …', [{ name: 'Nguyễn Văn An', role: 'accused' }]);
 * // text: 'Bị cáo Nguyễn Văn A …'
 */
import { Anonymiser, applyEdits } from './engine.js';
import type { AnonymiseOptions, PartyInput, Replacement } from './model.js';
import { ReplacementReport } from './report.js';

export interface AnonymisedText {
  readonly text: string;
  readonly replacements: readonly Replacement[];
}

export function anonymiseText(input: string, parties: readonly PartyInput[], options: AnonymiseOptions = {}): AnonymisedText {
  const text = input.normalize('NFC');
  const { edits, found } = new Anonymiser(parties, options).scan(text);
  const report = new ReplacementReport();
  report.add(found);
  return { text: applyEdits(text, edits), replacements: report.list() };
}
