/**
 * The test scheduler under real Jest: a JavaScript test file written with
 * `"use coroutine"`, lowered by @coro/jest, whose tests run on `runTest`
 * (virtual time, deadlock report) and `exploreSchedules` (a race found, its
 * seed replayed).
 */

import { assertTransformerBuilt, jestConfig, makeProject, removeProject, runJest } from './project';

let project: string | undefined;

beforeAll(assertTransformerBuilt);
afterEach(() => removeProject(project));

const SCHEDULER_TEST_JS = `"use coroutine";
const { runTest, exploreSchedules, currentTime, delay, scope, channel, ScheduleError } = require('@coro/runtime/coroutines');

test('an hour of delays passes at once in virtual time', () => runTest(async () => {
  await delay(3_600_000);
  expect(currentTime()).toBe(3_600_000);
}));

test('a deadlock is reported with the dump of the blocked coroutine', async () => {
  async function waitForever() {
    await channel(0, { name: 'replies' }).receive();
  }
  await expect(runTest(waitForever)).rejects.toThrow(/deadlock(.|\\n)*waitForever suspended .*awaiting receive from channel replies/);
});

async function initThenUse() {
  let ready = false;
  await scope(async (s) => {
    s.launch(async () => { await delay(10); ready = true; });
    s.launch(async () => { await delay(10); if (!ready) throw new Error('used before init'); });
  });
}

test('exploreSchedules finds the race the plain run misses, and its seed replays it', async () => {
  await runTest(initThenUse);
  const found = await exploreSchedules(initThenUse, { runs: 50 }).then(() => undefined, (error) => error);
  expect(found).toBeInstanceOf(ScheduleError);
  await expect(runTest(initThenUse, { seed: found.seed })).rejects.toThrow('used before init');
});
`;

test('runTest and exploreSchedules work in a Jest test file lowered by @coro/jest', () => {
  project = makeProject({ 'jest.config.js': jestConfig({}), 'scheduler.test.js': SCHEDULER_TEST_JS });
  const run = runJest(project);
  expect(run.report?.testResults[0]?.message ?? run.output).toBe('');
  expect(run.report).toMatchObject({ numPassedTests: 3, numFailedTests: 0 });
  expect(run.status).toBe(0);
});
