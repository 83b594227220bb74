// Runs every pattern in turn.
import * as pipeline from './pipeline.js';
import * as bankAccount from './bank-account.js';
import * as raceFoundByExplore from './race-found-by-explore.js';
import * as protocolParser from './protocol-parser.js';
import * as crawler from './crawler.js';
import * as debounce from './debounce.js';

async function runAll() {
  for (const [name, pattern] of Object.entries({ pipeline, 'bank-account': bankAccount, 'race-found-by-explore': raceFoundByExplore, 'protocol-parser': protocolParser, crawler, debounce })) {
    console.log(`--- ${name}`);
    await pattern.main();
  }
}

runAll().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
