/**
 * `@coro/jest` under the real Jest, in a child process, on small projects:
 * TypeScript and JavaScript tests run on lowered generators (checked from
 * inside the test), errors in the code under test land at their .ts lines,
 * a file coro cannot lower fails its test file with the diagnostic and a
 * code frame, decorators follow the tsconfig.json, a wrong transformer option
 * is named, and Jest's ES module mode keeps modules as modules.
 */

import { badInputs, type BadInput } from '@coro/testkit';
import { assertTransformerBuilt, jestConfig, makeProject, removeProject, runJest, suiteMessage } from './project';

let project: string | undefined;

beforeAll(assertTransformerBuilt);
afterEach(() => removeProject(project));

const RANGE_TS = `
export interface Step { readonly value: number }

export function* range(start: number, end: number): Generator<Step, string, number | undefined> {
  let cursor = start;
  while (cursor < end) {
    const skip = yield { value: cursor };
    cursor += skip ?? 1;
  }
  return 'done';
}
`;

const RESOURCE_JS = `
const log = [];
function* withResource(name) {
  log.push('open ' + name);
  try {
    yield 1;
    yield 2;
  } finally {
    log.push('close ' + name);
  }
}
module.exports = { withResource, log };
`;

const GENERATORS_TEST_TS = `
import { range, type Step } from './range';
const { withResource, log } = require('./resource');

test('a TypeScript generator: values, sent values, return value', () => {
  const it = range(0, 5);
  const seen: Step[] = [];
  let step = it.next();
  while (!step.done) {
    seen.push(step.value);
    step = it.next(2);
  }
  expect(seen).toEqual([{ value: 0 }, { value: 2 }, { value: 4 }]);
  expect(step).toEqual({ value: 'done', done: true });
});

test('a JavaScript generator stopped early still runs its finally', () => {
  for (const value of withResource('db')) {
    expect(value).toBe(1);
    break;
  }
  expect(log).toEqual(['open db', 'close db']);
});

test('the code under test and this test file were lowered by coro', () => {
  expect(range.toString()).not.toMatch(/yield/);
  expect(withResource.toString()).not.toMatch(/yield/);
  expect(range(0, 1)).toBeInstanceOf(range);
  function* local() { yield 'here'; }
  expect(local.toString()).toMatch(/\\$Frame/);
  expect([...local()]).toEqual(['here']);
  expect(Object.prototype.toString.call(local())).toBe('[object Generator]');
});
`;

test("TypeScript and JavaScript tests run on lowered generators, with the brief's config", () => {
  project = makeProject({
    'jest.config.js': jestConfig({ runtime: 'require' }),
    'src/range.ts': RANGE_TS,
    'src/resource.js': RESOURCE_JS,
    'src/generators.test.ts': GENERATORS_TEST_TS,
  });

  const run = runJest(project);

  expect(run.output).toMatch(/Tests: +3 passed, 3 total/);
  expect(run.status).toBe(0);
  expect(run.report?.numPassedTests).toBe(3);
});

test('an error thrown in lowered TypeScript is shown at its .ts line, through the source map', () => {
  project = makeProject({
    'jest.config.js': jestConfig({ runtime: 'require' }),
    'src/fails.test.ts': [
      'function* failing(limit: number): Generator<number> {',
      '  yield limit;',
      "  throw new Error('failed after ' + limit);",
      '}',
      '',
      "test('fails', () => {",
      '  const it = failing(1);',
      '  it.next();',
      '  it.next();',
      '});',
      '',
    ].join('\n'),
  });

  const run = runJest(project);

  expect(run.status).toBe(1);
  const failure = run.report?.testResults[0].assertionResults[0].failureMessages.join('\n') ?? '';
  expect(failure).toMatch(/Error: failed after 1/);
  expect(failure).toMatch(/src\/fails\.test\.ts:3:9\)/);
  expect(failure).toMatch(/src\/fails\.test\.ts:9:6\)/);
});

describe('files coro cannot lower fail their test file with the diagnostic, as the CLI prints it', () => {
  const diagnosticCases = badInputs.filter(
    (input): input is Extract<BadInput, { expect: 'diagnostic' }> => input.expect === 'diagnostic' && input.knownFailure === undefined,
  );
  let casesProject: string | undefined;
  let run: ReturnType<typeof runJest>;

  beforeAll(() => {
    const files: Record<string, string | Uint8Array> = { 'jest.config.js': jestConfig({ runtime: 'require' }) };
    for (const input of diagnosticCases) {
      files[`cases/${input.filename}`] = input.bytes;
      files[`${input.name}.test.js`] = `require('./cases/${input.filename}');\ntest('never runs', () => {});\n`;
    }
    casesProject = makeProject(files);
    run = runJest(casesProject);
  });
  afterAll(() => removeProject(casesProject));

  test('every such test file fails, and no test in them runs', () => {
    expect(run.status).toBe(1);
    expect(run.report?.numFailedTestSuites).toBe(diagnosticCases.length);
    expect(run.report?.numPassedTests).toBe(0);
  });

  for (const input of diagnosticCases) {
    const { diagnostic } = input;
    test(`${input.name}: cases/${input.filename}:${diagnostic.line}:${diagnostic.column} with a code frame`, () => {
      const message = suiteMessage(run, `${input.name}.test.js`);
      const header = `cases/${input.filename}:${diagnostic.line}:${diagnostic.column} - error CORO${diagnostic.code ?? 2001}: `;
      expect(message).toContain(`coro could not lower cases/${input.filename}:`);
      expect(message).toContain(header);
      expect(message.slice(message.indexOf(header)).split('\n')[0]).toMatch(diagnostic.message);
      expect(message).toMatch(new RegExp(`> +${diagnostic.line} \\|`));
      expect(message).toMatch(/\n +\| +\^/);
      expect(message).not.toMatch(/\n\s+at .*packages\/(jest|cli)\//);
    });
  }
});

test('JSX is compiled (classic React.createElement by default; react-jsx on request) around lowered generators', () => {
  const listTest = (file: string) =>
    [
      `function* items(names) {`,
      '  for (const name of names) yield <li key={name}>{name}</li>;',
      '}',
      `test('${file}', () => {`,
      "  const list = <ul>{[...items(['a', 'b'])]}</ul>;",
      "  expect(list).toEqual(['ul', null, [['li', { key: 'a' }, ['a']], ['li', { key: 'b' }, ['b']]]]);",
      '  expect(items.toString()).not.toMatch(/yield/);',
      '});',
      '',
    ].join('\n');
  project = makeProject({
    'jest.config.js': jestConfig({ runtime: 'require' }),
    'classic.test.jsx': `const React = { createElement: (tag, props, ...children) => [tag, props, children.flat()] };\n${listTest('classic')}`,
    'automatic/jest.config.js': jestConfig({ runtime: 'require', jsx: 'react-jsx' }),
    'automatic/automatic.test.jsx': listTest('automatic'),
    'automatic/node_modules/react/package.json': '{ "name": "react", "main": "index.js" }\n',
    'automatic/node_modules/react/index.js': 'module.exports = {};\n',
    'automatic/node_modules/react/jsx-runtime.js': [
      'const element = (tag, props, key) => [tag, key === undefined ? null : { key }, [props.children].flat()];',
      'module.exports = { jsx: element, jsxs: element, Fragment: "fragment" };',
      '',
    ].join('\n'),
  });

  const classic = runJest(project, ['--testPathIgnorePatterns', '/automatic/']);
  const automatic = runJest(`${project}/automatic`);

  expect(classic.output).toMatch(/Tests: +1 passed, 1 total/);
  expect(automatic.output).toMatch(/Tests: +1 passed, 1 total/);
});

test("decorators and class fields as the project's tsconfig.json asks: legacy decorators with their metadata", () => {
  project = makeProject({
    'jest.config.js': jestConfig({ runtime: 'require' }),
    'tsconfig.json': '{ "compilerOptions": { "target": "ES2021", "experimentalDecorators": true, "emitDecoratorMetadata": true } }\n',
    'service.test.ts': [
      'const seen: string[] = [];',
      "(Reflect as any).metadata = (key: string, value: any) => () => { seen.push(key + ' ' + (Array.isArray(value) ? value.map((t) => t.name).join(',') : value.name)); };",
      'function Injectable(): ClassDecorator { return () => {}; }',
      'class Repository { async find(id: number) { await null; return id * 2; } }',
      'class Named { set name(value: string) { seen.push(`setter ${value}`); } }',
      '@Injectable()',
      'class Service extends Named {',
      "  name = 'service';",
      '  constructor(readonly repository: Repository) { super(); }',
      '  async twice(id: number) { return this.repository.find(id); }',
      '}',
      "test('a legacy-decorated service with an async method', async () => {",
      '  expect(await new Service(new Repository()).twice(4)).toBe(8);',
      "  expect(seen).toEqual(['design:paramtypes Repository', 'setter service']);",
      '  expect(Repository.prototype.find.toString()).not.toMatch(/await/);',
      '});',
      '',
    ].join('\n'),
  });
  expect(runJest(project).output).toMatch(/Tests: +1 passed, 1 total/);
});

test('a wrong transformer option is named before any test runs', () => {
  project = makeProject({ 'jest.config.js': jestConfig({ runtime: 'esm' }), 'a.test.js': "test('x', () => {});\n" });

  const run = runJest(project);

  expect(run.status).toBe(1);
  expect(run.output).toContain(`@coro/jest: runtime must be one of import, require, inline; got "esm"`);
});

test('the coroutines option: the async functions of the files its globs match (from rootDir) are coroutines, the others stay async functions', () => {
  const work = 'export async function work(): Promise<string> { await null; return "done"; }\n';
  project = makeProject({
    'jest.config.js': jestConfig({ coroutines: ['src/jobs/**', '!src/jobs/legacy.ts'] }),
    'src/jobs/work.ts': work,
    'src/jobs/legacy.ts': work.replace('work', 'legacy'),
    'src/plain.ts': work.replace('work', 'plain'),
    'src/kinds.test.ts': `
import { work } from './jobs/work';
import { legacy } from './jobs/legacy';
import { plain } from './plain';

test('a coroutine returns a task that an await of a plain value does not suspend', () => {
  const task = work() as unknown as { state: string; result: unknown; cancel(): void };
  expect(task).not.toBeInstanceOf(Promise);
  expect([task.state, task.result, typeof task.cancel]).toEqual(['completed', 'done', 'function']);
});

test('async functions outside the globs, or left out by a ! glob, return promises', async () => {
  const promises = [legacy(), plain()];
  for (const promise of promises) expect(promise).toBeInstanceOf(Promise);
  expect(await Promise.all(promises)).toEqual(['done', 'done']);
});
`,
  });

  const run = runJest(project);

  expect(run.output).toMatch(/Tests: +2 passed, 2 total/);
  expect(run.status).toBe(0);
});

test('the coroutineBudget option: looping coroutines take turns every that many iterations', () => {
  project = makeProject({
    'jest.config.js': jestConfig({ coroutines: ['src/**'], coroutineBudget: 2 }),
    'src/spin.ts': `import { scope } from '@coro/runtime/coroutines';
export async function interleaved(): Promise<string> {
  const log: string[] = [];
  const spin = async (name: string) => { for (let i = 0; i < 4; i++) log.push(name + i); };
  await scope(async (s) => { s.launch(() => spin('a')); s.launch(() => spin('b')); });
  return log.join(' ');
}
`,
    'src/spin.test.ts': `import { interleaved } from './spin';
test('the two loops take turns', async () => {
  expect(await interleaved()).toBe('a0 a1 b0 b1 a2 a3 b2 b3');
});
`,
  });

  const run = runJest(project);

  expect(run.output).toMatch(/Tests: +1 passed, 1 total/);
  expect(run.status).toBe(0);
});

test("in Jest's ES module mode, modules stay modules and import the runtime", () => {
  project = makeProject({
    'package.json': '{ "type": "module" }\n',
    'jest.config.js': `export default ${JSON.stringify({ testEnvironment: 'node', transform: { '\\.m?js$': ['@coro/jest', {}] } })};\n`,
    'src/count.js': 'export function* count(n) {\n  for (let i = 0; i < n; i++) yield i;\n}\n',
    'src/count.test.js': [
      "import { count } from './count.js';",
      "test('counts', () => {",
      '  expect([...count(3)]).toEqual([0, 1, 2]);',
      '  expect(count.toString()).not.toMatch(/yield/);',
      "  expect(typeof require).toBe('undefined');",
      '});',
      '',
    ].join('\n'),
  });

  const run = runJest(project, [], { NODE_OPTIONS: '--experimental-vm-modules --no-warnings' });

  expect(run.output).toMatch(/Tests: +1 passed, 1 total/);
  expect(run.status).toBe(0);
});
