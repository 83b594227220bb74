/**
 * The error `@coro/jest` throws for a file coro cannot lower; Jest shows it
 * as the reason the test file failed to run.
 *
 * Example:
 *    ● Test suite failed to run
 *
 *      coro could not lower src/bad.js:
 *
 *      src/bad.js:3:12 - error CORO1001: Expression expected.
 *
 *        2 |   yield 1;
 *      > 3 |   yield 2 +;
 *          |            ^
 *
 * Implementation:
 *   The message is the CLI's output for the same file, the tsc-style header
 *   with a code frame, with the path relative to Jest's rootDir. The stack is
 *   empty: Jest prints a transformer error's stack after its message, and
 *   this one's frames are the transformer's, which tell the user nothing
 *   about their file (with no stack, Jest shows the message alone). A crash
 *   of the compiler keeps its stack inside the message, since that one is a
 *   coro bug to report.
 *
 * References:
 *   https://jestjs.io/docs/code-transformation
 *   packages/host/src/file-problem.ts (the format)
 */

import { formatProblem, type FileProblem } from '@coro/host';

export class CoroTransformError extends Error {
  override readonly name = 'CoroTransformError';

  constructor(path: string, problems: readonly FileProblem[]) {
    super(`coro could not lower ${path}:\n\n${problems.map((problem) => formatProblem(path, problem, false)).join('\n')}`);
    this.stack = '';
  }
}
