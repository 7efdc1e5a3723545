// The published judgment 19/2021/HS-ST (vn-court-forms.md §2.3) as a fixture: we put plausible
// full names back where the court anonymised them, run the anonymiser with the case's people,
// and expect the court's own published form back: same aliases, same line breaks, officers kept.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymiseText } from '../../../../shared/anonymise/text.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../../../../shared/data/judgments/19-2021-HS-ST.txt');
const present = existsSync(FIXTURE);
if (!present) console.log(`SKIP judgment-fixture.test.ts: ${FIXTURE} is absent (the shared data folder is not beside the repository)`);

const OFFICERS = [
  { name: 'Nguyễn Minh Huyền', role: 'presidingJudge' },
  { name: 'Nguyễn Nhật Chiến', role: 'assessor' },
  { name: 'Hà Hồng Thu', role: 'assessor' },
  { name: 'Hoàng Thị Lan', role: 'clerk' },
  { name: 'Chu Văn Tới', role: 'prosecutor' },
];

const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

describe.skipIf(!present)('judgment 19/2021/HS-ST', () => {
  const published = present ? readFileSync(FIXTURE, 'utf8').normalize('NFC') : '';
  // "Vũ Thị Lan A" and the witness "Nguyễn Minh T", with their names restored (line breaks kept).
  const restored = published
    .replace(/Vũ(\s+)Thị(\s+)Lan(\s+)A(?![\p{L}])/gu, 'Vũ$1Thị$2Lan$3Anh')
    .replace(/Nguyễn(\s+)Minh(\s+)T(?![\p{L}])/gu, 'Nguyễn$1Minh$2Tuấn');
  const parties = [{ name: 'Vũ Thị Lan Anh', role: 'accused' }, { name: 'Nguyễn Minh Tuấn', role: 'attestingWitness' }, ...OFFICERS];

  it('gives back the published aliases in every mention, including one split across lines', () => {
    expect(restored).not.toBe(published);
    const { text, replacements } = anonymiseText(restored, parties);
    const accused = /Vũ\s+Thị\s+Lan\s+A(?![\p{L}])/gu;
    expect(count(text, accused)).toBe(count(published, accused));
    expect(count(text, /Lan\s+Anh|Minh\s+Tuấn/gu)).toBe(0);
    expect(text).toContain('bị cáo Vũ\nThị Lan A');
    expect(replacements.find((r) => r.original === 'Vũ Thị Lan Anh')).toMatchObject({ replacement: 'Vũ Thị Lan A', count: count(published, accused) });
    // Everything else is as published, apart from what the court left in: the plate number (split
    // across a line) and the two-word district "Ý Y" of the birthplace, which we reduce to "Y".
    expect(replacements.filter((r) => r.kind === 'plate')).toMatchObject([{ original: '35B -\n010.74', count: 2 }]);
    expect(text.replace(/\*\*\* -(\s)\*\*\*\.\*\*/g, '35B -$1010.74').replace('huyện Y,', 'huyện Ý Y,')).toBe(published);
  });

  it('keeps the panel, the clerk and the prosecutor', () => {
    const { text } = anonymiseText(restored, parties);
    for (const officer of OFFICERS) expect(count(text, new RegExp(officer.name, 'gu')), officer.name).toBe(count(published, new RegExp(officer.name, 'gu')));
  });

  it('is fast enough for a 50-page judgment (10 copies of this 5-page one) in well under the 200 ms budget', () => {
    const long = Array.from({ length: 10 }, () => restored).join('\n');
    anonymiseText(long, parties);
    const start = performance.now();
    anonymiseText(long, parties);
    expect(performance.now() - start).toBeLessThan(400);
  });
});
