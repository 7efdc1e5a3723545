/**
 * Which version of each template the app offers: the newest of every template id across the
 * built-in pack and the installed packs. An older version is never offered next to a newer one
 * (a clerk must not pick last year's form by mistake); drafts made from an older version keep it
 * (see renderer/packs/TemplateUpdateNotice.tsx).
 */
import type { Template } from '../templates/model.js';
import { compareVersions } from './version.js';

/**
 * The newest version of every template id, in the order each id first appears (built-ins first,
 * so the usual forms keep their place in lists). On equal versions the earlier list wins.
 */
export function newestTemplates(...lists: readonly (readonly Template[])[]): Template[] {
  const order: string[] = [];
  const best = new Map<string, Template>();
  for (const template of lists.flat()) {
    const current = best.get(template.meta.id);
    if (!current) order.push(template.meta.id);
    if (!current || compareVersions(template.meta.version, current.meta.version) > 0) best.set(template.meta.id, template);
  }
  return order.map((id) => best.get(id)!);
}
