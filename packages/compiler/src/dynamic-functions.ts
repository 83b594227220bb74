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
 * `var $function = (0, function* (…) {…});`, checked with the early errors
 * of a script, and then the parse must put the body's `{` and the
 * function's end exactly where the text joined them: parameters that close
 * the list early (`"/*", "*\/){"`) or a body that closes the function
 * early are a SyntaxError, as the separate parses of the parameters and the
 * body make them natively. The lowering uses `runtime: 'inline'`, so the
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
  const head = `var ${binding} = (0, ${SOURCE_PREFIX[kind]} (${parameters}\n) `;
  const functionText = `{\n${body}\n}`;
  const source = `${head}${functionText});\n`;
  const layoutError = checkLayout(source, head.length, head.length + functionText.length);
  if (layoutError !== undefined) return { syntaxError: layoutError };
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

/** The parse must find one declaration whose function's body starts at `bodyStart` and ends at `bodyEnd`. */
function checkLayout(source: string, bodyStart: number, bodyEnd: number): string | undefined {
  const sourceFile = ts.createSourceFile('anonymous.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const statement = sourceFile.statements.length === 1 ? sourceFile.statements[0] : undefined;
  const initializer = statement && ts.isVariableStatement(statement) ? statement.declarationList.declarations[0]?.initializer : undefined;
  const inner = initializer && ts.isParenthesizedExpression(initializer) ? initializer.expression : undefined;
  const fn = inner && ts.isBinaryExpression(inner) && ts.isFunctionExpression(inner.right) ? inner.right : undefined;
  if (fn?.body && fn.body.getStart(sourceFile) === bodyStart && fn.body.end === bodyEnd) return undefined;
  return 'the parameters or the body end outside their own text';
}

function unusedName(base: string, text: string): string {
  let name = base;
  for (let i = 1; text.includes(name); i++) name = base + i;
  return name;
}

installDynamicFunctions();
