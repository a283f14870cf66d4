export * from './progress-file.js';
export * from './progress-parse.js';
export * from './progress-merge.js';
export * from './progress-updates.js';
export * from './progress-store.js';
export * from './history-path.js';
