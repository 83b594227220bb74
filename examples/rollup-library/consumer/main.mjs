// Uses the library's ES module build, as an application importing it would.
import { chunk, pairwise, parseRecords, retry, zip } from '../dist/index.mjs';

console.log('chunks:', JSON.stringify([...chunk([1, 2, 3, 4, 5, 6, 7], 3)]));
console.log('pairs:', JSON.stringify([...pairwise('abcd')]));
console.log('zip:', JSON.stringify([...zip([1, 2, 3], 'xy', new Set([true, false, true]))]));

const config = ['# servers', 'host=alpha; port=80', '', 'host=beta; port=8080', 'host gamma; port=443'];
const records = parseRecords(config);
console.log('first record:', JSON.stringify(records.next().value));
console.log('second record:', JSON.stringify(records.next().value));
try {
  records.next();
} catch (error) {
  console.log(`${error.name}: ${error.message}`);
}

const flaky = (attempt) => (attempt < 3 ? Promise.reject(new Error(`attempt ${attempt} failed`)) : Promise.resolve(`ok on attempt ${attempt}`));
console.log(await retry(flaky, { attempts: 5, onFailure: (error) => console.log('  ', error.message) }));
await retry(flaky, { attempts: 2 }).catch((error) => console.log(`${error.message} (last: ${error.cause.message})`));
