// The built-in pack: every form renders for a demo case of every case type it serves with no
// missing field, and one golden text per form (UPDATE_GOLDEN=1 rewrites them).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinTemplates, builtinSourceFiles, templateFileName } from '../../../../shared/templates/builtin/index.js';
import { renderTemplate } from '../../../../shared/templates/render.js';
import { servesCase } from '../../../../shared/templates/select.js';
import { docToText } from '../../../../shared/templates/text.js';
import { collectFields } from '../../../../shared/templates/refresh.js';
import { contextFor, demoCaseFor, demoCourt, FIXTURE_COURT } from './fixtures.js';

const GOLDEN_DIR = path.join(import.meta.dirname, 'golden');
const templates = builtinTemplates();
const demo = demoCourt();

describe('built-in pack', () => {
  it('holds the forms the issue asks for, with semver versions and effective dates', () => {
    const ids = templates.map((t) => t.meta.id);
    for (const id of [
      'NQ01-2017/48-DS',
      'NQ01-2017/48-DS/TRUC-TUYEN',
      'NQ05-2017/22-HS',
      'NQ05-2017/22-HS/TRUC-TUYEN',
      'NQ01-2017/51-DS',
      'NQ05-2017/25-HS',
      'NQ01-2017/52-DS',
      'NQ05-2017/27-HS',
      'NQ02-2017/22-HC',
      'NQ01-2017/41-DS',
      'NQ05-2017/01-HS',
      'NQ01-2017/34-DS',
      'NQ01-2017/36-DS',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of templates) {
      expect(meta.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(meta.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(meta.notes.length).toBeGreaterThan(0);
    }
  });

  it('says in the notes when a form number is unconfirmed', () => {
    for (const id of ['NQ01-2017/41-DS', 'NQ05-2017/01-HS', 'NQ01-2017/34-DS', 'NQ01-2017/36-DS']) {
      const notes = templates.find((t) => t.meta.id === id)?.meta.notes.join(' ') ?? '';
      expect(notes, id).toMatch(/CHƯA ĐƯỢC XÁC NHẬN|một nguồn/);
    }
  });

  for (const template of templates) {
    for (const type of template.meta.caseTypes) {
      it(`${template.meta.id} renders a demo ${type} case with every field filled`, () => {
        const kase = demoCaseFor(demo, template, type);
        const context = contextFor(demo, template, kase);
        expect(servesCase(template.meta, kase, context)).toBe(true);
        const { doc, missing } = renderTemplate(template, context);
        expect(missing.map((m) => `${m.label} (${m.path})`)).toEqual([]);
        const fields = collectFields(doc);
        expect(fields.length).toBeGreaterThan(5);
        expect(fields.every((f) => f.attrs.status === 'filled' && f.attrs.value !== '')).toBe(true);
        const text = docToText(doc);
        expect(text).not.toContain('[thiếu:');
        expect(text).toContain(kase.acceptanceNumber);
      });
    }
  }

  it('marks data the case lacks as missing instead of leaving it empty', () => {
    const template = templates.find((t) => t.meta.id === 'NQ01-2017/48-DS');
    const kase = FIXTURE_COURT.cases.find((c) => c.id === 'c-ds');
    if (!template || !kase) throw new Error('fixture');
    const context = contextFor(FIXTURE_COURT, template, { ...kase, trialDecisionNumber: undefined });
    const { doc, missing } = renderTemplate(template, context);
    expect(missing.map((m) => m.label)).toContain('Số Quyết định đưa vụ án ra xét xử');
    expect(docToText(doc)).toContain('[thiếu: Số Quyết định đưa vụ án ra xét xử]');
  });
});

/** The fixture case each form's golden text is rendered from. */
function goldenCase(templateId: string) {
  if (templateId.endsWith('-HS') || templateId.endsWith('-HS/TRUC-TUYEN')) return 'c-hs';
  if (templateId.endsWith('-HC')) return 'c-hc';
  return 'c-ds';
}

describe('golden texts', () => {
  const update = process.env.UPDATE_GOLDEN === '1';
  for (const template of templates) {
    it(`${template.meta.id} matches its golden text`, () => {
      const kase = FIXTURE_COURT.cases.find((c) => c.id === goldenCase(template.meta.id));
      if (!kase) throw new Error('fixture');
      // The golden of an in-person form uses the same case with its hearing in person.
      const inPerson = template.meta.requiresText === 'not hearing.online';
      const variant = inPerson ? { ...kase, hearings: kase.hearings.map((h) => ({ ...h, online: false })) } : { ...kase, hearings: kase.hearings.map((h) => ({ ...h, online: true })) };
      const context = contextFor(FIXTURE_COURT, template, variant);
      const text = docToText(renderTemplate(template, context).doc);
      const file = path.join(GOLDEN_DIR, templateFileName(template.meta.id).replace(/\.tpl$/, '.txt'));
      if (update || !existsSync(file)) {
        if (!update) throw new Error(`golden file missing: ${file} (run with UPDATE_GOLDEN=1)`);
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, text);
      }
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('exports one source file per form, each compiling back to the same template', () => {
    const files = builtinSourceFiles();
    expect(files.map((f) => f.file)).toEqual(templates.map((t) => templateFileName(t.meta.id)));
  });
});
