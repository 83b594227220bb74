/**
 * The public types of `@coro/runtime/coroutines`, as a user program under
 * `--strict` sees them: what a scope, a channel operation, a flow operator
 * and an actor's `ask` give is inferred, not `unknown` or `any`; `Task.of`
 * types a coroutine's call as its task; an actor's `send` has a promise's
 * `catch`.
 */
import * as path from 'path';
import * as ts from 'typescript';

const file = path.join(__dirname, 'user-program.ts');
const source = `
import { scope, channel, map, zip, actor, withTimeout, Task, type Reply, type TaskType } from '../src/coroutines';

async function load(id: number): Promise<string> {
  "use coroutine";
  return 'user ' + id;
}

async function main(): Promise<void> {
  const total = await scope(async (s) => {
    const a = s.launch(async () => 1);
    return (await a) + 1;
  });
  const n: number = total;
  const names = channel<string>(4);
  const received = await names.receive();
  // @ts-expect-error a received string is not a number
  const wrong: number = received;
  const sent: void = await names.send('x');
  const orFallback: string | number = await names.receive().catch(() => 0);
  for await (const [i, name] of zip(map(names, (x) => x.length), names)) { const k: number = i; const m: string = name; }
  const counter = actor<{ reply: Reply<number> }>(async (mailbox) => { for await (const m of mailbox) m.reply(1); });
  const answer: number = await counter.ask<number>((reply) => ({ reply }), 100);
  const inTime: string = await withTimeout(5, async () => 'x');
  // A coroutine's call is typed Promise<T>, as any async function's: Task.of gives it its Task type, checked at run time.
  const loading: TaskType<string> = Task.of(load(7));
  loading.cancel('no longer needed');
  const state: 'created' | 'running' | 'suspended' | 'completed' | 'failed' | 'cancelled' = loading.state;
  const user: string = await Task.of(load(8));
  const maybe: string | undefined = loading.result;
  // @ts-expect-error a task's result is a string here
  const notANumber: number | undefined = loading.result;
  // @ts-expect-error Task.of takes a task (or a promise, refused at run time), not a plain value
  Task.of(42);
  // An actor's send is a channel operation: awaited, or chained with a promise's catch and finally.
  const logger = actor<string>(async (mailbox) => { for await (const line of mailbox) console.log(line); });
  const posted: void = await logger.send('started');
  const orFailed: void | string = await logger.send('stopping').catch(() => 'closed');
}
`;

test('a typical program type-checks under --strict, with inferred results', () => {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, source, language) : getSourceFile.call(host, name, language, ...rest));
  const fileExists = host.fileExists;
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  const program = ts.createProgram([file], options, host);
  const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(problems).toEqual([]);
});
