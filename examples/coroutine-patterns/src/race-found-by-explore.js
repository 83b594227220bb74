"use coroutine";
// A cache that two coroutines fill and read. The plain run passes because
// the scheduler happens to resume the writer first; exploreSchedules tries
// other orders of the ready tasks, finds the one that fails, and names the
// seed that replays it.
import { delay, exploreSchedules, runTest, scope } from '@coro/runtime/coroutines';

async function cacheTest() {
  const cache = new Map();
  await scope(async (s) => {
    s.launch(async () => {
      await delay(5);
      cache.set('config', { retries: 3 });
    });
    s.launch(async () => {
      await delay(5); // "long enough" for the writer: a race
      if (!cache.has('config')) throw new Error('read the cache before it was filled');
    });
  });
}

export async function main() {
  await runTest(cacheTest);
  console.log('plain run: passed');
  try {
    await exploreSchedules(cacheTest, { runs: 100 });
    console.log('every schedule passed');
  } catch (error) {
    console.log(`explored: seed ${error.seed} fails: ${error.cause.message}`);
    await runTest(cacheTest, { seed: error.seed }).catch((replayed) => console.log('replayed:', replayed.message));
  }
}
