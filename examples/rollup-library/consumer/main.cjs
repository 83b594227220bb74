// Uses the library's CommonJS build, as a require()-based program would.
const { chunk, parseRecords, retry } = require('../dist/index.cjs');

console.log('chunks:', JSON.stringify([...chunk('coroutine', 4)]));
for (const record of parseRecords(['name=coro; kind=compiler', 'name=rollup; kind=bundler'])) {
  console.log('record:', JSON.stringify(record));
}
retry(async (attempt) => `done in ${attempt}`, { attempts: 1 }).then((result) => console.log(result));
