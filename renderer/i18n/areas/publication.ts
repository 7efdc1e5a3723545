/**
 * Messages of one area of the app, kept in their own file so that work on different areas never
 * edits the same catalogue lines. Spread into vi.ts and en.ts; keys are prefixed by the area.
 */
export const publicationVi = {} as const;

export const publicationEn: Partial<Record<keyof typeof publicationVi, string>> = {};
