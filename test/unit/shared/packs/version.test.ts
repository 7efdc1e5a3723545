import { describe, expect, it } from 'vitest';
import { compareVersions, isNewer } from '../../../../shared/packs/version.js';
import { newestTemplates } from '../../../../shared/packs/newest.js';
import { builtinTemplates } from '../../../../shared/templates/builtin/index.js';
import type { Template } from '../../../../shared/templates/model.js';

describe('compareVersions', () => {
  it('orders numerically part by part, pre-releases before their release', () => {
    expect(compareVersions('1.10.0', '1.9.2')).toBeGreaterThan(0);
    expect(compareVersions('2026.1', '2025.12')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('2.0.0-rc1', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0-rc2', '2.0.0-rc1')).toBeGreaterThan(0);
    expect(isNewer('1.0.1', undefined)).toBe(true);
    expect(isNewer('1.0.0', '1.0.0')).toBe(false);
  });
});

describe('newestTemplates', () => {
  const withVersion = (template: Template, version: string): Template => ({ ...template, meta: { ...template.meta, version } });

  it('keeps only the newest version of every id, in first-seen order', () => {
    const builtin = builtinTemplates();
    const first = builtin[0]!;
    const third = builtin[2]!;
    const installed = [withVersion(third, '1.2.0'), withVersion(first, '2.0.0'), withVersion(first, '1.5.0'), withVersion(third, '0.9.0')];
    const newest = newestTemplates(builtin, installed);
    expect(newest.map((t) => t.meta.id)).toEqual(builtin.map((t) => t.meta.id));
    expect(newest[0]!.meta.version).toBe('2.0.0');
    expect(newest[2]!.meta.version).toBe('1.2.0');
    expect(newest[1]).toBe(builtin[1]);
  });

  it('prefers the earlier list on equal versions (the built-in stays)', () => {
    const builtin = builtinTemplates();
    const copy = { ...builtin[0]!, meta: { ...builtin[0]!.meta } };
    expect(newestTemplates(builtin, [copy])[0]).toBe(builtin[0]);
  });
});
