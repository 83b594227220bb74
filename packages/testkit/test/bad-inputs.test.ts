/**
 * The bad-input corpus against `@coro/compiler`'s `transform` itself: each
 * diagnostic case gets its error at the documented line and column and no
 * code; each output case lowers without errors and, run, prints what the
 * native input prints. Cases the compiler does not meet yet (`knownFailure`)
 * are `test.failing`, so they are visible in every run.
 */
import * as vm from 'vm';
import * as ts from 'typescript';
import { transform } from '@coro/compiler';
import { badInputs, execute, type BadInput } from '@coro/testkit';

type OutputCase = Extract<BadInput, { expect: 'output' }>;
type DiagnosticCase = Extract<BadInput, { expect: 'diagnostic' }>;

/** The host's step after coro for .ts/.tsx/.jsx: types removed, JSX compiled by the files' own pragmas. */
function runnable(code: string, filename: string): string {
  if (!/\.(tsx?|jsx)$/.test(filename)) return code;
  return ts.transpileModule(code, {
    fileName: filename,
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.Preserve, jsx: ts.JsxEmit.React },
  }).outputText;
}

function lower(input: BadInput, runtime: 'require' | 'inline') {
  if (input.text === undefined) throw new Error(`${input.name} has no text`);
  return transform(input.text, { filename: input.filename, runtime, sourceType: 'script' });
}

function testOf(input: BadInput): jest.It {
  return input.knownFailure === undefined ? test : test.failing;
}

const titled = (input: BadInput, what: string) =>
  input.knownFailure === undefined ? `${input.name}: ${what}` : `${input.name}: ${what} (known failure: ${input.knownFailure})`;

describe('the corpus itself', () => {
  test('names and file names are unique', () => {
    expect(new Set(badInputs.map((input) => input.name)).size).toBe(badInputs.length);
    expect(new Set(badInputs.map((input) => input.filename)).size).toBe(badInputs.length);
  });

  test('text is the UTF-8 decoding of bytes, and absent exactly when the bytes are not UTF-8', () => {
    for (const input of badInputs) {
      let decoded: string | undefined;
      try {
        decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input.bytes);
      } catch {
        decoded = undefined;
      }
      expect({ name: input.name, text: input.text }).toEqual({ name: input.name, text: decoded });
    }
  });

  test('the large file has 50,000 lines and the deep expressions their depth', () => {
    const text = (name: string) => badInputs.find((input) => input.name === name)?.text ?? '';
    expect(text('large-file').split('\n')).toHaveLength(50_000 + 1);
    expect(text('deep-nesting-beyond-engines').split('a + (')).toHaveLength(10_000 + 1);
    expect(text('deep-nesting-within-engines').split('a + (')).toHaveLength(1_200 + 1);
  });

  test('V8 refuses to parse the expression nested beyond what engines take', () => {
    const input = badInputs.find((candidate) => candidate.name === 'deep-nesting-beyond-engines');
    expect(() => new vm.Script(input?.text ?? '')).toThrow(/Maximum call stack size exceeded/);
  });

  test('the invalid UTF-8 byte is where the case says, and lossy decoding would change the program', () => {
    const input = badInputs.find((candidate) => candidate.name === 'invalid-utf8') as DiagnosticCase;
    const firstBad = input.bytes.indexOf(0xe9);
    const before = Buffer.from(input.bytes.subarray(0, firstBad)).toString('utf8').split('\n');
    expect(before.length).toBe(input.diagnostic.line);
    expect(before[before.length - 1].length + 1).toBe(input.diagnostic.column);

    // The compiler only ever sees text: given the lossy decoding, it lowers a
    // program that prints U+FFFD. Only an integration that reads the bytes can
    // refuse the file, which is why the case expects a diagnostic.
    const lossy = Buffer.from(input.bytes).toString('utf8');
    const lowered = transform(lossy, { filename: input.filename, runtime: 'require', sourceType: 'script' });
    expect(lowered.diagnostics).toEqual([]);
    expect(execute(lowered.code).trace).toEqual(['[ "caf\uFFFD" ]']);
  });
});

describe('native inputs print what the output cases expect', () => {
  for (const input of badInputs.filter((candidate): candidate is OutputCase => candidate.expect === 'output')) {
    test(input.name, () => {
      const native = execute(runnable(input.text ?? '', input.filename), { filename: input.filename });
      expect(native.trace).toEqual(input.prints);
    });
  }
});

describe('transform on each case', () => {
  for (const input of badInputs) {
    if (input.text === undefined) continue;

    if (input.expect === 'diagnostic') {
      const { diagnostic } = input;
      testOf(input)(titled(input, `an error at ${diagnostic.line}:${diagnostic.column ?? '*'}, no code`), () => {
        const result = lower(input, 'require');
        expect(result.code).toBe('');
        expect(result.diagnostics).toContainEqual(
          expect.objectContaining({
            category: 'error',
            file: input.filename,
            line: diagnostic.line,
            ...(diagnostic.column === undefined ? {} : { column: diagnostic.column }),
            ...(diagnostic.code === undefined ? {} : { code: diagnostic.code }),
            message: expect.stringMatching(diagnostic.message),
          }),
        );
      });
      continue;
    }

    for (const runtime of ['require', 'inline'] as const) {
      testOf(input)(titled(input, `runtime '${runtime}': no diagnostics, and the output prints ${JSON.stringify(input.prints)}`), () => {
        const result = lower(input, runtime);
        expect(result.diagnostics).toEqual([]);
        if (input.unchanged) expect(result.code).toBe(input.text);
        const run = execute(runnable(result.code, input.filename), { filename: input.filename });
        expect(run.trace).toEqual(input.prints);
      });
    }
  }
});
