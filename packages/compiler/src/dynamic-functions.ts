/**
 * `@coro/compiler/dynamic-functions`: coro's transform as the function
 * compiler of `%GeneratorFunction%`, `%AsyncFunction%` and
 * `%AsyncGeneratorFunction%` in lowered code. Loading the entry installs it
 * on this realm's global object; `installDynamicFunctions(global)` installs
 * it on another realm's (a `vm` context's).
 *
 * ## Example
 * ```js
 * require('@coro/compiler/dynamic-functions');
 * const AsyncFunction = Object.getPrototypeOf(loweredAsync).constructor;
 * await new AsyncFunction('a', 'return await a * 2;')(21);   // 42
 * compileDynamicFunction('generator', 'a', 'yield a;');    // { code: 'var $coro = …; return $function;' }
 * ```
 *
 * ## Implementation
 * The source text is CreateDynamicFunction's, `function* (P\n) {\nbody\n}`
 * (the name "anonymous" is given by the runtime: natively it binds nothing
 * inside the function). It is read as an expression that nothing names,
 * `var $function = (0, function* (…) {…});`, and the parse must put the
 * function's start, its parameter list's `(` and its body's braces exactly
 * where the text joined them: parameters that close the list early
 * (`"/*", "*\/){"`, `"a) {}, function* (b"`) or a body that closes the
 * function early are a SyntaxError, as the separate parses of the
 * parameters and the body make them natively. Then `transform` checks the
 * early errors of a script and lowers it. The lowering uses `runtime: 'inline'`, so the
 * returned body runs wherever the runtime evaluates it.
 *
 * ## References
 * ECMA-262 §20.2.1.1.1 CreateDynamicFunction; packages/runtime/src/function-constructor.ts.
 */
import ts from 'typescript';
import { installFunctionCompiler, type CompiledFunction, type DynamicFunctionKind } from '@coro/runtime';
import { isSyntaxErrorCode } from './diagnostics';
import { transform } from './transform';

const SOURCE_PREFIX: Record<DynamicFunctionKind, string> = {
  generator: 'function*',
  async: 'async function',
  asyncGenerator: 'async function*',
};

/** Lowers the function CreateDynamicFunction would make, as a script body that returns it. */
export function compileDynamicFunction(kind: DynamicFunctionKind, parameters: string, body: string): CompiledFunction {
  const binding = unusedName('$function', parameters + body);
  const prefix = `var ${binding} = (0, `;
  const head = `${SOURCE_PREFIX[kind]} (`;
  const functionText = `${head}${parameters}\n) {\n${body}\n}`;
  const source = `${prefix}${functionText});\n`;
  const parametersAt = prefix.length + head.length;
  const layout = { start: prefix.length, parameters: parametersAt, bodyStart: parametersAt + parameters.length + 3, bodyEnd: prefix.length + functionText.length };
  if (!hasLayout(source, layout)) return { syntaxError: 'the parameters or the body end outside their own text' };
  const result = transform(source, { filename: 'anonymous.js', runtime: 'inline', sourceType: 'script', sourceMap: false });
  const error = result.diagnostics.find((d) => d.category === 'error');
  if (error === undefined) return { code: `${result.code}return ${binding};\n` };
  if (isSyntaxErrorCode(error.code)) return { syntaxError: error.message };
  // Code the engine would run but coro cannot lower: the runtime refuses it as a host that cannot compile strings does.
  return { refused: `${error.message} (CORO${error.code})` };
}

/** Installs `compileDynamicFunction` on the realm whose global object is `global`. */
export function installDynamicFunctions(global: object = globalThis): void {
  installFunctionCompiler(global, compileDynamicFunction);
}

/** Where the function, its parameter list and its body must start and end in the joined source text. */
interface Layout {
  readonly start: number;
  readonly parameters: number;
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/** The parse finds one statement, whose function starts, opens its parameters, and opens and ends its body where the text was joined. */
function hasLayout(source: string, layout: Layout): boolean {
  const sourceFile = ts.createSourceFile('anonymous.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const statement = sourceFile.statements.length === 1 ? sourceFile.statements[0] : undefined;
  const initializer = statement && ts.isVariableStatement(statement) ? statement.declarationList.declarations[0]?.initializer : undefined;
  const inner = initializer && ts.isParenthesizedExpression(initializer) ? initializer.expression : undefined;
  const fn = inner && ts.isBinaryExpression(inner) && ts.isFunctionExpression(inner.right) ? inner.right : undefined;
  if (!fn?.body) return false;
  return (
    fn.getStart(sourceFile) === layout.start &&
    fn.parameters.pos === layout.parameters &&
    fn.body.getStart(sourceFile) === layout.bodyStart &&
    fn.body.end === layout.bodyEnd
  );
}

function unusedName(base: string, text: string): string {
  let name = base;
  for (let i = 1; text.includes(name); i++) name = base + i;
  return name;
}

installDynamicFunctions();
