export { chunk, pairwise, zip } from './iterate.js';
export { parseRecords } from './records.js';
export { retry } from './retry.js';
