/**
 * Line endings: a file written with CR LF gets CR LF in the code coro adds
 * too, and still maps and runs; a file with LF (or mixed endings) is left
 * with the endings it has.
 */
import * as vm from 'vm';
import { transform } from '../src';

const LINES = ['// sensors', 'function* readings() {', '  const first = yield `a', 'b`;', '  yield first;', '}', 'const it = readings();', 'console.log(JSON.stringify(it.next().value), it.next(7).value);', ''];

function run(code: string): string[] {
  const printed: string[] = [];
  vm.runInNewContext(code, { console: { log: (...args: unknown[]) => printed.push(args.join(' ')) } });
  return printed;
}

test('CR LF input gives CR LF output, with the template literal value unchanged', () => {
  const result = transform(LINES.join('\r\n'), { filename: 'crlf.js', runtime: 'inline', sourceType: 'script' });
  expect(result.diagnostics).toEqual([]);
  expect(result.code).not.toMatch(/(^|[^\r])\n/);
  expect(run(result.code)).toEqual(['"a\\nb" 7']);
});

test('LF input and mixed input keep LF for what coro adds', () => {
  const lf = transform(LINES.join('\n'), { filename: 'lf.js', runtime: 'inline', sourceType: 'script' });
  expect(lf.code).not.toContain('\r');
  const mixed = transform(LINES.join('\n').replace('\n', '\r\n'), { filename: 'mixed.js', runtime: 'inline', sourceType: 'script' });
  expect(mixed.code.match(/\r\n/g)).toHaveLength(1);
  expect(run(mixed.code)).toEqual(['"a\\nb" 7']);
});
