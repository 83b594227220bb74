/**
 * The fuzzer's program representation and its printer.
 *
 * ## Example
 * ```ts
 * { kind: 'for', label: 'L0', counter: 'i0', limit: 2, body: [
 *   { kind: 'expr', expr: { kind: 'yield', arg: { kind: 'var', name: 'i0' } } },
 * ] }
 * ```
 * prints as
 * ```js
 * L0: for (let i0 = 0; i0 < 2; i0++) {
 *   yield i0;
 * }
 * ```
 *
 * ## Implementation
 * Programs are generated and shrunk as trees, never as strings, so the shrinker
 * can delete a statement or replace an expression by a smaller one and still
 * print a program that parses. The tree is plain JSON (no classes, no shared
 * nodes) so a shrink step is "clone, edit at a path".
 *
 * Termination is a property of the node kinds, not of the generator's care:
 * every loop node owns its counter and bound and prints them in its own head,
 * no expression can assign a counter, generators only call generators declared
 * before them (a local generator is not in scope in its own body), and
 * closures have expression bodies. So whatever the shrinker deletes, what
 * remains still terminates.
 *
 * The printed program starts with a fixed prelude (`show`, `describe`, `log`,
 * `step`, ...) that turns every observable event into one trace line. It holds
 * no suspend function, so the compiler leaves it as it is.
 */

export type BinaryOperator = '+' | '-' | '*' | '<' | '===' | '%';
export type LogicalOperator = '&&' | '||' | '??';
export type AssignOperator = '=' | '+=' | '-=' | '*=' | '??=' | '||=';

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'undefined' }
  | { kind: 'var'; name: string }
  | { kind: 'argumentsLength' }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr }
  | { kind: 'logical'; op: LogicalOperator; left: Expr; right: Expr }
  | { kind: 'cond'; test: Expr; then: Expr; else: Expr }
  | { kind: 'assign'; op: AssignOperator; name: string; value: Expr }
  | { kind: 'yield'; arg: Expr | null }
  | { kind: 'yieldStar'; source: Expr }
  | { kind: 'pair'; args: Expr[] }
  | { kind: 'array'; elements: Expr[] }
  | { kind: 'object'; props: { key: string; value: Expr }[] }
  | { kind: 'template'; head: string; spans: { expr: Expr; tail: string }[] }
  | { kind: 'genCall'; callee: string; args: Expr[] }
  | { kind: 'newError'; message: string }
  | { kind: 'describe'; arg: Expr }
  /** `(a, b)`. */
  | { kind: 'sequence'; exprs: Expr[] }
  /** `...source`; only ever an element of `array`, `pair` or `genCall` lists. */
  | { kind: 'spread'; source: Expr };

export type Stmt =
  | { kind: 'expr'; expr: Expr }
  | { kind: 'log'; tag: string; args: Expr[] }
  | { kind: 'let'; constant: boolean; name: string; init: Expr }
  /**
   * `let [t0, t1 = d] = init;` or `const { a: t0, b: t1 = d } = init;`. An
   * array pattern over a generator closes it (IteratorClose) when it has
   * bound its elements; a default (possibly a `yield`) runs only for `undefined`.
   */
  | { kind: 'destructure'; constant: boolean; pattern: 'array' | 'object'; elements: PatternElement[]; init: Expr }
  | { kind: 'if'; test: Expr; then: Stmt[]; else: Stmt[] | null }
  | { kind: 'block'; label: string | null; body: Stmt[] }
  | { kind: 'for'; label: string | null; counter: string; limit: number; body: Stmt[] }
  | { kind: 'while'; label: string | null; counter: string; limit: number; body: Stmt[] }
  | { kind: 'doWhile'; label: string | null; counter: string; limit: number; body: Stmt[] }
  | { kind: 'forOf'; label: string | null; constant: boolean; name: string; iterable: Expr; body: Stmt[] }
  | { kind: 'forIn'; label: string | null; name: string; object: Expr; body: Stmt[] }
  | { kind: 'switch'; discriminant: Expr; cases: SwitchCase[] }
  | { kind: 'try'; block: Stmt[]; handler: CatchClause | null; finalizer: Stmt[] | null }
  | { kind: 'throw'; value: Expr }
  | { kind: 'return'; value: Expr | null }
  | { kind: 'break'; label: string | null }
  | { kind: 'continue'; label: string | null }
  | { kind: 'pushClosure'; body: Expr }
  /** `const h0 = function* (p) { ... };`: a generator nested in a generator, closing over its bindings. */
  | { kind: 'localGenerator'; name: string; params: string[]; body: Stmt[] };

export interface PatternElement {
  /** The property read by an object pattern; unused by an array pattern. */
  key: string;
  name: string;
  default: Expr | null;
}

export interface SwitchCase {
  /** `null` is `default:`. */
  test: Expr | null;
  body: Stmt[];
}

export interface CatchClause {
  /** `null` prints `catch {` (optional catch binding). */
  param: string | null;
  body: Stmt[];
}

export interface GeneratorDecl {
  name: string;
  params: string[];
  body: Stmt[];
}

export type IteratorMethod = 'next' | 'throw' | 'return';

export type DriveAction =
  | { kind: 'resume'; iterator: string; method: IteratorMethod; value: Expr }
  | { kind: 'callFns' };

/** Top-level code that runs the generators; each consumer is wrapped in its own try/catch. */
export type Consumer =
  | { kind: 'drive'; tag: string; iterators: { name: string; call: Expr }[]; actions: DriveAction[]; drain: boolean }
  | { kind: 'spread'; tag: string; call: Expr; viaArrayFrom: boolean }
  | { kind: 'forOf'; tag: string; call: Expr; breakAfter: number | null }
  | { kind: 'destructure'; tag: string; call: Expr; count: number };

export interface Program {
  /** The seed the program was generated from (kept through shrinking, for the report). */
  seed: number;
  generators: GeneratorDecl[];
  consumers: Consumer[];
}

/**
 * Helpers every program starts with. Engine errors print their kind only: the
 * text of a TypeError differs between V8 and the runtime, its kind must not.
 * Errors the program throws itself are plain `Error`s and print their message.
 */
export const PRELUDE = `var fns = [];
function show(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (Array.isArray(v)) return '[' + v.map(show).join(',') + ']';
  if (typeof v === 'function') return 'function';
  if (v !== null && typeof v === 'object') {
    if (Object.getPrototypeOf(v) !== Object.prototype) return Object.prototype.toString.call(v);
    return '{' + Object.keys(v).map(function (k) { return k + ':' + show(v[k]); }).join(',') + '}';
  }
  return String(v);
}
function describe(e) {
  if (e !== null && typeof e === 'object' && typeof e.message === 'string') {
    return e.name === 'Error' ? 'Error(' + e.message + ')' : String(e.name);
  }
  return 'value ' + show(e);
}
function log(tag) {
  var parts = [tag];
  for (var i = 1; i < arguments.length; i++) parts.push(show(arguments[i]));
  console.log(parts.join(' '));
}
function caught(tag, e) { console.log(tag + ' caught ' + describe(e)); }
function pair(a, b) { return [a, b]; }
function step(tag, it, method, value) {
  var label = tag + ' ' + method + '(' + show(value) + ')';
  try {
    var r = it[method](value);
    console.log(label + ' -> ' + show(r.value) + (r.done ? ' done' : ''));
    return r;
  } catch (e) {
    console.log(label + ' threw ' + describe(e));
    return null;
  }
}
function drain(tag, it) {
  for (var n = 0; n < 40; n++) {
    var r = step(tag, it, 'next', undefined);
    if (r === null || r.done) return;
  }
}
function callFns(tag) {
  console.log(tag + ' fns ' + fns.map(function (f) {
    try { return show(f()); } catch (e) { return 'threw ' + describe(e); }
  }).join(','));
}
`;

/** The direct sub-expressions of `expr`. */
export function subExpressions(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'binary':
    case 'logical':
      return [expr.left, expr.right];
    case 'cond':
      return [expr.test, expr.then, expr.else];
    case 'assign':
      return [expr.value];
    case 'yield':
      return expr.arg === null ? [] : [expr.arg];
    case 'yieldStar':
      return [expr.source];
    case 'pair':
    case 'genCall':
      return expr.args;
    case 'array':
      return expr.elements;
    case 'object':
      return expr.props.map((prop) => prop.value);
    case 'template':
      return expr.spans.map((span) => span.expr);
    case 'describe':
      return [expr.arg];
    case 'sequence':
      return expr.exprs;
    case 'spread':
      return [expr.source];
    default:
      return [];
  }
}

/** Expression kinds that bind looser than a binary operand and need parentheses there. */
const LOOSE_KINDS = new Set<Expr['kind']>(['binary', 'logical', 'cond', 'assign', 'yield', 'yieldStar']);

/**
 * `operand` is the position of a binary/logical operand or a conditional's
 * test; everywhere else the grammar accepts an AssignmentExpression.
 */
export function printExpr(expr: Expr, position: 'operand' | 'assignment' = 'assignment'): string {
  const text = printBareExpr(expr);
  return position === 'operand' && LOOSE_KINDS.has(expr.kind) ? `(${text})` : text;
}

function printBareExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'num':
      return expr.value < 0 ? `(${expr.value})` : String(expr.value);
    case 'str':
      return quote(expr.value);
    case 'undefined':
      return 'undefined';
    case 'var':
      return expr.name;
    case 'argumentsLength':
      return 'arguments.length';
    case 'binary':
    case 'logical':
      return `${printExpr(expr.left, 'operand')} ${expr.op} ${printExpr(expr.right, 'operand')}`;
    case 'cond':
      return `${printExpr(expr.test, 'operand')} ? ${printExpr(expr.then)} : ${printExpr(expr.else)}`;
    case 'assign':
      return `${expr.name} ${expr.op} ${printExpr(expr.value)}`;
    case 'yield':
      return expr.arg === null ? 'yield' : `yield ${printExpr(expr.arg)}`;
    case 'yieldStar':
      return `yield* ${printExpr(expr.source)}`;
    case 'pair':
      return `pair(${expr.args.map((arg) => printExpr(arg)).join(', ')})`;
    case 'array':
      return `[${expr.elements.map((element) => printExpr(element)).join(', ')}]`;
    case 'object':
      return expr.props.length === 0
        ? '{}'
        : `{ ${expr.props.map((prop) => `${prop.key}: ${printExpr(prop.value)}`).join(', ')} }`;
    case 'template':
      return (
        '`' +
        escapeTemplate(expr.head) +
        expr.spans.map((span) => '${' + printExpr(span.expr) + '}' + escapeTemplate(span.tail)).join('') +
        '`'
      );
    case 'genCall':
      return `${expr.callee}(${expr.args.map((arg) => printExpr(arg)).join(', ')})`;
    case 'newError':
      return `new Error(${quote(expr.message)})`;
    case 'describe':
      return `describe(${printExpr(expr.arg)})`;
    case 'sequence':
      // Always parenthesized: a bare comma would split call arguments or array elements.
      return `(${expr.exprs.map((item) => printExpr(item)).join(', ')})`;
    case 'spread':
      return `...${printExpr(expr.source, 'operand')}`;
  }
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function escapeTemplate(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function labelPrefix(label: string | null): string {
  return label === null ? '' : `${label}: `;
}

class LineWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  line(text: string): void {
    this.lines.push('  '.repeat(this.depth) + text);
  }

  indented(write: () => void): void {
    this.depth++;
    write();
    this.depth--;
  }

  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

function printStatements(out: LineWriter, statements: Stmt[]): void {
  for (const statement of statements) printStatement(out, statement);
}

function printBody(out: LineWriter, head: string, body: Stmt[], tail = '}'): void {
  out.line(head === '' ? '{' : `${head} {`);
  out.indented(() => printStatements(out, body));
  out.line(tail);
}

function printStatement(out: LineWriter, stmt: Stmt): void {
  switch (stmt.kind) {
    case 'expr':
      // No generated statement expression starts with `{` or `function`, so none needs parentheses.
      out.line(`${printExpr(stmt.expr)};`);
      return;
    case 'log':
      out.line(`log(${[quote(stmt.tag), ...stmt.args.map((arg) => printExpr(arg))].join(', ')});`);
      return;
    case 'let':
      out.line(`${stmt.constant ? 'const' : 'let'} ${stmt.name} = ${printExpr(stmt.init)};`);
      return;
    case 'destructure': {
      const elements = stmt.elements.map((element) => {
        const target = stmt.pattern === 'object' ? `${element.key}: ${element.name}` : element.name;
        return element.default === null ? target : `${target} = ${printExpr(element.default)}`;
      });
      const pattern = stmt.pattern === 'array' ? `[${elements.join(', ')}]` : `{ ${elements.join(', ')} }`;
      out.line(`${stmt.constant ? 'const' : 'let'} ${stmt.pattern === 'object' && elements.length === 0 ? '{}' : pattern} = ${printExpr(stmt.init)};`);
      return;
    }
    case 'if':
      if (stmt.else === null) {
        printBody(out, `if (${printExpr(stmt.test)})`, stmt.then);
      } else {
        printBody(out, `if (${printExpr(stmt.test)})`, stmt.then, '} else {');
        out.indented(() => printStatements(out, stmt.else ?? []));
        out.line('}');
      }
      return;
    case 'block':
      printBody(out, labelPrefix(stmt.label).trimEnd(), stmt.body);
      return;
    case 'for':
      printBody(
        out,
        `${labelPrefix(stmt.label)}for (let ${stmt.counter} = 0; ${stmt.counter} < ${stmt.limit}; ${stmt.counter}++)`,
        stmt.body,
      );
      return;
    case 'while':
      // The counter steps in the test, so no `continue` can skip it.
      out.line(`let ${stmt.counter} = 0;`);
      printBody(out, `${labelPrefix(stmt.label)}while (${stmt.counter}++ < ${stmt.limit})`, stmt.body);
      return;
    case 'doWhile':
      out.line(`let ${stmt.counter} = 0;`);
      printBody(out, `${labelPrefix(stmt.label)}do`, stmt.body, `} while (++${stmt.counter} < ${stmt.limit});`);
      return;
    case 'forOf':
      printBody(
        out,
        `${labelPrefix(stmt.label)}for (${stmt.constant ? 'const' : 'let'} ${stmt.name} of ${printExpr(stmt.iterable)})`,
        stmt.body,
      );
      return;
    case 'forIn':
      printBody(out, `${labelPrefix(stmt.label)}for (const ${stmt.name} in ${printExpr(stmt.object)})`, stmt.body);
      return;
    case 'switch':
      out.line(`switch (${printExpr(stmt.discriminant)}) {`);
      out.indented(() => {
        for (const switchCase of stmt.cases) {
          out.line(switchCase.test === null ? 'default:' : `case ${printExpr(switchCase.test)}:`);
          out.indented(() => printStatements(out, switchCase.body));
        }
      });
      out.line('}');
      return;
    case 'try': {
      out.line('try {');
      out.indented(() => printStatements(out, stmt.block));
      if (stmt.handler !== null) {
        const handler = stmt.handler;
        out.line(handler.param === null ? '} catch {' : `} catch (${handler.param}) {`);
        out.indented(() => printStatements(out, handler.body));
      }
      if (stmt.finalizer !== null) {
        const finalizer = stmt.finalizer;
        out.line('} finally {');
        out.indented(() => printStatements(out, finalizer));
      }
      out.line('}');
      return;
    }
    case 'throw':
      out.line(`throw ${printExpr(stmt.value)};`);
      return;
    case 'return':
      out.line(stmt.value === null ? 'return;' : `return ${printExpr(stmt.value)};`);
      return;
    case 'break':
      out.line(stmt.label === null ? 'break;' : `break ${stmt.label};`);
      return;
    case 'continue':
      out.line(stmt.label === null ? 'continue;' : `continue ${stmt.label};`);
      return;
    case 'localGenerator':
      printBody(out, `const ${stmt.name} = function* (${stmt.params.join(', ')})`, stmt.body, '};');
      return;
    case 'pushClosure': {
      const body = printExpr(stmt.body);
      const wrap = LOOSE_KINDS.has(stmt.body.kind) || stmt.body.kind === 'object';
      out.line(`fns.push(() => ${wrap ? `(${body})` : body});`);
      return;
    }
  }
}

function printConsumer(out: LineWriter, consumer: Consumer): void {
  out.line('try {');
  out.indented(() => {
    switch (consumer.kind) {
      case 'drive':
        for (const iterator of consumer.iterators) out.line(`const ${iterator.name} = ${printExpr(iterator.call)};`);
        for (const action of consumer.actions) {
          if (action.kind === 'callFns') {
            out.line(`callFns(${quote(consumer.tag)});`);
          } else {
            const tag = quote(`${consumer.tag} ${action.iterator}`);
            out.line(`step(${tag}, ${action.iterator}, '${action.method}', ${printExpr(action.value)});`);
          }
        }
        if (consumer.drain) {
          for (const iterator of consumer.iterators) out.line(`drain(${quote(`${consumer.tag} ${iterator.name}`)}, ${iterator.name});`);
        }
        break;
      case 'spread':
        out.line(
          consumer.viaArrayFrom
            ? `log(${quote(`${consumer.tag} from`)}, Array.from(${printExpr(consumer.call)}));`
            : `log(${quote(`${consumer.tag} spread`)}, [...${printExpr(consumer.call)}]);`,
        );
        break;
      case 'forOf':
        if (consumer.breakAfter !== null) out.line('let n = 0;');
        out.line(`for (const v of ${printExpr(consumer.call)}) {`);
        out.indented(() => {
          out.line(`log(${quote(`${consumer.tag} of`)}, v);`);
          if (consumer.breakAfter !== null) out.line(`if (++n >= ${consumer.breakAfter}) break;`);
        });
        out.line('}');
        break;
      case 'destructure': {
        const names = Array.from({ length: consumer.count }, (_, index) => `v${index}`);
        out.line(`const [${names.join(', ')}] = ${printExpr(consumer.call)};`);
        out.line(`log(${[quote(`${consumer.tag} destructure`), ...names].join(', ')});`);
        break;
      }
    }
  });
  out.line('} catch (e) {');
  out.indented(() => out.line(`caught(${quote(consumer.tag)}, e);`));
  out.line('}');
}

/** The program's own code, without the prelude: what a failure report shows. */
export function printProgramBody(program: Program): string {
  const out = new LineWriter();
  for (const generator of program.generators) {
    printBody(out, `function* ${generator.name}(${generator.params.join(', ')})`, generator.body);
  }
  for (const consumer of program.consumers) printConsumer(out, consumer);
  out.line(`callFns('end');`);
  return out.toString();
}

/** The complete script: prelude, generators, consumers. */
export function printProgram(program: Program): string {
  return `${PRELUDE}// seed ${program.seed}\n${printProgramBody(program)}`;
}
