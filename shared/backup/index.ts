/** Backup bundles of the local replica: format, build/read with verification, restore plan. */
export * from './format.js';
export * from './bundle.js';
export * from './restore-plan.js';
