/**
 * File names of exported documents: `<template short id>-<acceptance number>.docx`, e.g.
 * `52-DS-12-2025-TLST-DS.docx`. Slashes and diacritics are removed because Windows refuses `/` in a
 * name and older court file shares mangle non-ASCII names; the number stays readable.
 */

/** Diacritics off (Đ → D), anything but letters, digits and `-` → `-`, no leading/trailing dash. */
export function sanitiseFilePart(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[ĐÐ]/g, 'D')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The form part of a template's legal id: `NQ01-2017/52-DS` → `52-DS`,
 * `NQ01-2017/48-DS/TRUC-TUYEN` → `48-DS-TRUC-TUYEN` (the resolution prefix says nothing to a clerk).
 */
export function templateShortId(templateId: string): string {
  const parts = templateId.split('/').filter((p) => p.trim() !== '');
  const form = parts.length > 1 ? parts.slice(1) : parts;
  return sanitiseFilePart(form.join('-')) || 'van-ban';
}

/** `52-DS-12-2025-TLST-DS.docx`; the publication copy adds `-cong-bo`. */
export function documentFileName(templateId: string, acceptanceNumber: string, options: { readonly publication?: boolean } = {}): string {
  const parts = [templateShortId(templateId), sanitiseFilePart(acceptanceNumber)];
  if (options.publication) parts.push('cong-bo');
  return `${parts.filter((p) => p !== '').join('-')}.docx`;
}
