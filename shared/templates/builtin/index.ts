/**
 * The built-in template pack: the sources of the official forms the app ships with, compiled once.
 * `npm run templates -- export` writes these sources for court IT to review and extend.
 */
import type { Template } from '../model.js';
import { compileTemplate, formatTemplateError } from '../source-format.js';
import { DELIBERATION_25_HS, DELIBERATION_51_DS } from './deliberation-minutes.js';
import { TRIAL_DECISION_CIVIL, TRIAL_DECISION_CRIMINAL } from './decisions.js';
import { HEARING_MINUTES_22_HS, HEARING_MINUTES_22_HS_ONLINE, HEARING_MINUTES_48_DS, HEARING_MINUTES_48_DS_ONLINE } from './hearing-minutes.js';
import { JUDGMENT_22_HC, JUDGMENT_27_HS, JUDGMENT_52_DS } from './judgments.js';
import { MEDIATION_34_DS, MEDIATION_36_DS } from './mediation-minutes.js';

export { BUILTIN_EFFECTIVE, BUILTIN_VERSION } from './fragments.js';

export const BUILTIN_PACK_NAME = 'Bộ mẫu tích hợp Courtdesk';

/** The source of every built-in form, in display order. */
export const BUILTIN_SOURCES: readonly string[] = [
  HEARING_MINUTES_48_DS,
  HEARING_MINUTES_48_DS_ONLINE,
  HEARING_MINUTES_22_HS,
  HEARING_MINUTES_22_HS_ONLINE,
  DELIBERATION_51_DS,
  DELIBERATION_25_HS,
  JUDGMENT_52_DS,
  JUDGMENT_27_HS,
  JUDGMENT_22_HC,
  TRIAL_DECISION_CIVIL,
  TRIAL_DECISION_CRIMINAL,
  MEDIATION_34_DS,
  MEDIATION_36_DS,
];

/** A file name for a template id: `NQ01-2017/48-DS` → `NQ01-2017_48-DS.tpl`. */
export function templateFileName(id: string): string {
  return `${id.replace(/\//g, '_')}.tpl`;
}

let compiled: readonly Template[] | undefined;

/** The built-in templates, compiled. A broken built-in is a programming error: it throws. */
export function builtinTemplates(): readonly Template[] {
  if (!compiled) {
    compiled = BUILTIN_SOURCES.map((source, index) => {
      const result = compileTemplate(source, `builtin#${index}`);
      if (!result.ok) throw new Error(result.errors.map(formatTemplateError).join('\n'));
      return result.template;
    });
  }
  return compiled;
}

export function builtinTemplate(id: string): Template | undefined {
  return builtinTemplates().find((t) => t.meta.id === id);
}

/** The built-in sources with their file names, as `export` writes them and `build` reads them. */
export function builtinSourceFiles(): { file: string; text: string }[] {
  return builtinTemplates().map((template, index) => ({
    file: templateFileName(template.meta.id),
    text: `${BUILTIN_SOURCES[index] ?? ''}\n`,
  }));
}
