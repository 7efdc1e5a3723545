/** The publication sources read document bodies through the editor's schema: a chunk of its own, fetched when a review opens. */
export const loadPublicationSources = () => import('./publication-source.js');
