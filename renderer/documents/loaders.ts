/**
 * The dynamic imports of the document code (template engine, DOCX builder, anonymiser): each is a
 * separate chunk in the build, fetched the first time a clerk opens the templates card or presses
 * an export button, so starting the app never pays for them. Vite caches each module after the
 * first load.
 */
export const loadCaseTemplates = () => import('./case-templates.js');
export const loadDocxExport = () => import('./docx-export.js');
export const loadPublicationCopy = () => import('./publication-copy.js');
