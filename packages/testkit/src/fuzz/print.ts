/**
 * Printing a fuzz program (ast.ts) as a classic script.
 *
 * ## Example
 * ```js
 * async function* ag1(p) {
 *   try {
 *     log('ag1.0', yield later(p, 1));
 *   } finally {
 *     await thenable(2, 0);
 *   }
 * }
 * try {
 *   ticker('c0', 3);
 *   run('c0', async () => {
 *     const it0 = ag1(1);
 *     astep('c0 it0', it0, 'next', undefined);
 *     await astep('c0 it0', it0, 'return', 7);
 *     await adrain('c0 it0', it0);
 *   });
 * } catch (e) {
 *   caught('c0', e);
 * }
 * callFns('end');
 * lateCheck();
 * ```
 *
 * ## Implementation
 * One function per node kind. Parentheses are added by position: an operand
 * of a binary operator or of `await` is parenthesized when it binds looser;
 * a comma sequence always is. The prelude (prelude.ts) goes first, then the
 * functions, then the consumers, each in a try/catch of its own, then the
 * synchronous `callFns('end')` and, for programs with promise jobs, a late
 * `callFns` queued 60 jobs later.
 *
 * A program whose `semicolons` is false is printed the way code written
 * without semicolons is: no statement ends with `;`, automatic semicolon
 * insertion ends them, and a statement that would continue the line before it
 * (it starts with `(`, `[`, a template, `+`, `-` or `/`) starts with `;`. A
 * compiler that lays two statements side by side, or rewrites how one starts
 * or ends, must then keep them apart itself.
 *
 * ## References
 * ECMA-262 12.10 Automatic Semicolon Insertion.
 */
import { isAsyncProgram, type Consumer, type ConstWriteForm, type Expr, type FunctionDecl, type MethodHolder, type ObjectMember, type Program, type Stmt } from './ast';
import { PRELUDE } from './prelude';
import { TypeSyntax } from './type-syntax';

/** The TypeScript syntax of the program being printed, if it is printed as TypeScript. */
let types: TypeSyntax | undefined;

/** Expression kinds that bind looser than a binary operand and need parentheses there. */
const LOOSE_KINDS = new Set<Expr['kind']>(['binary', 'logical', 'cond', 'assign', 'yield', 'yieldStar']);

/**
 * `operand` is the position of a binary/logical operand or a conditional's
 * test, `unary` the operand of `await`; everywhere else the grammar accepts
 * an AssignmentExpression.
 */
export function printExpr(expr: Expr, position: 'operand' | 'unary' | 'assignment' = 'assignment'): string {
  const text = printBareExpr(expr);
  const loose = LOOSE_KINDS.has(expr.kind);
  // A spread is no expression an assertion may wrap.
  if (types && expr.kind !== 'spread') {
    const asserted = types.assertion(loose ? `(${text})` : text);
    if (asserted !== undefined) return asserted;
  }
  return position !== 'assignment' && loose ? `(${text})` : text;
}

function printList(items: Expr[]): string {
  return items.map((item) => printExpr(item)).join(', ');
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
    case 'logical': {
      const right = () => printExpr(expr.right, 'operand');
      if (!types || expr.op !== '<') return `${printExpr(expr.left, 'operand')} ${expr.op} ${right()}`;
      // In parentheses, so that what follows the comparison is not read as more of its type arguments either.
      return `(${printExpr(expr.left, 'operand')} < ${types.afterLessThanOperator(right)})`;
    }
    case 'cond':
      return `${printExpr(expr.test, 'operand')} ? ${printExpr(expr.then)} : ${printExpr(expr.else)}`;
    case 'assign':
      return `${types ? types.target(expr.name) : expr.name} ${expr.op} ${printExpr(expr.value)}`;
    case 'yield':
      return expr.arg === null ? 'yield' : `yield ${printExpr(expr.arg)}`;
    case 'yieldStar':
      return `yield* ${printExpr(expr.source)}`;
    case 'await':
      return `await ${printExpr(expr.arg, 'unary')}`;
    case 'pair':
      return typedCall('pair', expr.args);
    case 'array':
      return `[${printList(expr.elements)}]`;
    case 'object':
      return expr.props.length === 0 ? '{}' : `{ ${expr.props.map(printMember).join(', ')} }`;
    case 'template':
      return (
        '`' +
        escapeTemplate(expr.head) +
        expr.spans.map((span) => '${' + printExpr(span.expr) + '}' + escapeTemplate(span.tail)).join('') +
        '`'
      );
    case 'genCall':
      return typedCall(expr.callee, expr.args);
    case 'optionalCall':
      return expr.parenthesized ? `(${expr.receiver}?.m)(${printList(expr.args)})` : `${expr.receiver}?.m(${printList(expr.args)})`;
    case 'newError':
      return `new Error(${quote(expr.message)})`;
    case 'describe':
      return `describe(${printExpr(expr.arg)})`;
    case 'sequence':
      // Always parenthesized: a bare comma would split call arguments or array elements.
      return `(${printList(expr.exprs)})`;
    case 'spread':
      return `...${printExpr(expr.source, 'operand')}`;
    case 'promise':
      return printPromise(expr.how, printExpr(expr.value), expr.ticks);
    case 'combine':
      return `Promise.${expr.how}([${printList(expr.elements)}])`;
    case 'handled':
      return `handled(${printExpr(expr.arg)})`;
    case 'thisKey':
      return types ? types.nonNull('this.k') : 'this.k';
    case 'superCall': {
      const callee = expr.optional === 'missing' ? 'super.none' : expr.computed ? 'super[toKey(1)]' : 'super.m';
      return `${callee}${expr.optional === 'no' ? '' : '?.'}(${printList(expr.args)})`;
    }
    case 'deleteBinding':
      return `delete ${expr.name}`;
    case 'anonymousFunction':
      // In parentheses, which NamedEvaluation looks through, so that it stands as any operand.
      return expr.form === 'arrow' ? '(() => 0)' : expr.form === 'function' ? '(function () { return 1; })' : '(class {})';
  }
}

/**
 * `callee(args)`, now and then with type arguments, and then in parentheses:
 * after a `<`, TypeScript reads `(c ? f<any>() : 0)` as the start of type
 * arguments and fails.
 */
function typedCall(callee: string, args: Expr[]): string {
  const typeArguments = types?.typeArguments() ?? '';
  const call = `${callee}${typeArguments}(${printList(args)})`;
  return typeArguments === '' ? call : `(${call})`;
}

function printMember(member: ObjectMember): string {
  switch (member.kind) {
    case 'init':
      return `${member.key}: ${printExpr(member.value)}`;
    case 'shorthand':
      return member.name;
    case 'computed':
      return `[toKey(${printExpr(member.key)})]: ${printExpr(member.value)}`;
    case 'objectSpread':
      return `...${printExpr(member.value, 'operand')}`;
    case 'method':
      return `${member.key}() { return ${printExpr(member.value)}; }`;
    case 'getter':
      return `get ${member.key}() { return ${printExpr(member.value)}; }`;
    case 'setter':
      return `set ${member.key}(v) {}`;
  }
}

function printPromise(how: Extract<Expr, { kind: 'promise' }>['how'], value: string, ticks: number): string {
  switch (how) {
    case 'resolved':
      return `Promise.resolve(${value})`;
    case 'rejected':
      return `Promise.reject(${value})`;
    case 'later':
      return `later(${value}, ${ticks})`;
    case 'laterRejected':
      return `laterReject(${value}, ${ticks})`;
    case 'thenable':
      return `thenable(${value}, ${ticks})`;
    case 'rejectingThenable':
      return `rejecting(${value})`;
    case 'throwingThenable':
      return `throwing(${value})`;
  }
}

export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function escapeTemplate(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function labelPrefix(label: string | null): string {
  return label === null ? '' : `${label}: `;
}

/** A statement starting with one of these would continue an expression on the line before it. */
const CONTINUES_EXPRESSION = /^[([`+\-/]/;

class LineWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  constructor(private readonly semicolons: boolean) {}

  line(text: string): void {
    this.lines.push('  '.repeat(this.depth) + text);
  }

  /** A line that ends a statement: with `;`, or left to automatic semicolon insertion. */
  statement(text: string): void {
    if (this.semicolons) this.line(text + ';');
    else this.line(CONTINUES_EXPRESSION.test(text) ? ';' + text : text);
  }

  /** A statement's last line that does not start it (`}` of a function expression, `} while (…)`). */
  end(text: string): string {
    return this.semicolons ? text + ';' : text;
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
  out.indented(() => {
    const typeOnly = types?.typeOnlyStatement();
    if (typeOnly) {
      if (typeOnly.endsWithSemicolon) out.statement(typeOnly.text);
      else out.line(typeOnly.text);
    }
    printStatements(out, body);
  });
  out.line(tail);
}

/** The condition a loop tests after its counter's, if any. */
function extraTest(test: Expr | null): string {
  return test === null ? '' : ` && ${printExpr(test, 'operand')}`;
}

/** An arrow's expression body: parenthesized when it binds loosely, or would read as a block. */
function printArrowBody(body: Expr): string {
  const text = printExpr(body);
  return LOOSE_KINDS.has(body.kind) || body.kind === 'object' ? `(${text})` : text;
}

/** `function* (p)`, `async function (p)`, `async function* (p)` or `async (p) =>`, with `name` for a declaration. */
function functionHead(flavor: FunctionDecl['flavor'], arrow: boolean, params: string[], name = ''): string {
  const list = `${types?.typeParameters() ?? ''}(${printParameters(params)})${types?.annotation() ?? ''}`;
  // `function* g0(p)` for a declaration, `function* (p)` for an expression.
  const named = name === '' ? ` ${list}` : ` ${name}${list}`;
  switch (flavor) {
    case 'generator':
      return `function*${named}`;
    case 'async':
      return arrow ? `async ${list} =>` : `async function${named}`;
    case 'asyncGenerator':
      return `async function*${named}`;
  }
}

function printStatement(out: LineWriter, stmt: Stmt): void {
  switch (stmt.kind) {
    case 'expr':
      // No generated statement expression starts with `{`, `function`, `async` or `let [`, so none needs parentheses.
      out.statement(printExpr(stmt.expr));
      return;
    case 'log':
      out.statement(`log(${[quote(stmt.tag), ...stmt.args.map((arg) => printExpr(arg))].join(', ')})`);
      return;
    case 'let':
      out.statement(`${stmt.constant ? 'const' : 'let'} ${stmt.name}${types?.annotation() ?? ''} = ${printExpr(stmt.init)}`);
      return;
    case 'destructure': {
      const elements = stmt.elements.map((element) => {
        const target = stmt.pattern === 'object' ? `${element.key}: ${element.name}` : element.name;
        return element.default === null ? target : `${target} = ${printExpr(element.default)}`;
      });
      if (stmt.rest !== null) elements.push(`...${stmt.rest.name}`);
      const pattern = stmt.pattern === 'array' ? `[${elements.join(', ')}]` : `{ ${elements.join(', ')} }`;
      const annotation = types?.annotation() ?? '';
      out.statement(`${stmt.constant ? 'const' : 'let'} ${stmt.pattern === 'object' && elements.length === 0 ? '{}' : pattern}${annotation} = ${printExpr(stmt.init)}`);
      if (stmt.rest !== null) out.statement(`log(${quote(stmt.rest.tag)}, ${stmt.rest.name})`);
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
    case 'for': {
      const start = stmt.start === null ? '0' : printExpr(stmt.start);
      const test = `${stmt.counter} < ${stmt.limit}${extraTest(stmt.test)}`;
      printBody(out, `${labelPrefix(stmt.label)}for (let ${stmt.counter} = ${start}; ${test}; ${stmt.counter}++)`, stmt.body);
      return;
    }
    case 'while':
      // The counter steps in the test, so no `continue` can skip it.
      out.statement(`let ${stmt.counter} = 0`);
      printBody(out, `${labelPrefix(stmt.label)}while (${stmt.counter}++ < ${stmt.limit}${extraTest(stmt.test)})`, stmt.body);
      return;
    case 'doWhile':
      out.statement(`let ${stmt.counter} = 0`);
      printBody(out, `${labelPrefix(stmt.label)}do`, stmt.body, out.end(`} while (++${stmt.counter} < ${stmt.limit}${extraTest(stmt.test)})`));
      return;
    case 'forOf':
    case 'forAwait':
      printBody(
        out,
        `${labelPrefix(stmt.label)}for ${stmt.kind === 'forAwait' ? 'await ' : ''}(${stmt.constant ? 'const' : 'let'} ${stmt.name} of ${printExpr(stmt.iterable)})`,
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
        out.line(handler.param === null ? '} catch {' : `} catch (${handler.param}${types?.annotation('unknown') ?? ''}) {`);
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
      out.statement(`throw ${printExpr(stmt.value)}`);
      return;
    case 'return':
      out.statement(stmt.value === null ? 'return' : `return ${printExpr(stmt.value)}`);
      return;
    case 'break':
      out.statement(stmt.label === null ? 'break' : `break ${stmt.label}`);
      return;
    case 'continue':
      out.statement(stmt.label === null ? 'continue' : `continue ${stmt.label}`);
      return;
    case 'localFunction': {
      const head = `const ${stmt.name} = ${functionHead(stmt.flavor, stmt.arrow, stmt.params)}`;
      if (stmt.expressionBody !== null) out.statement(`${head} ${printArrowBody(stmt.expressionBody)}`);
      else printBody(out, head, stmt.body, out.end('}'));
      return;
    }
    case 'pushClosure':
      out.statement(`fns.push(() => ${printArrowBody(stmt.body)})`);
      return;
    case 'ticker':
      out.statement(`ticker(${quote(stmt.tag)}, ${stmt.ticks})`);
      return;
    case 'nestedThis':
      out.statement(printNestedThis(stmt));
      return;
    case 'constWrite':
      out.line('try {');
      out.indented(() => out.statement(printConstWrite(stmt.form, stmt.name, printExpr(stmt.value))));
      out.line('} catch (e) {');
      out.indented(() => out.statement(`log(${quote(stmt.tag)}, e.constructor.name)`));
      out.line('}');
      return;
    case 'loopMethod': {
      const star = stmt.flavor === 'async' ? '' : '*';
      const head = `${stmt.flavor === 'generator' ? '' : 'async '}${star}m()`;
      const value = printExpr(stmt.value);
      // The async flavors read the value a job later, when the loop may have moved on.
      const body = stmt.flavor === 'generator' ? `yield ${value}` : stmt.flavor === 'async' ? `return pair(await 0, ${value})` : `yield pair(await 0, ${value})`;
      const method = `${head} { ${body} }`;
      out.statement(`const ${stmt.name} = ${stmt.holder === 'object' ? `{ ${method} }` : `new (class { ${method} })()`}`);
      const call = `${stmt.name}.m()${stmt.flavor === 'async' ? '' : '.next()'}`;
      out.statement(`fns.push(() => ${stmt.flavor === 'generator' ? call : `settle(${quote(stmt.tag)}, ${call})`})`);
      printStatement(out, { kind: 'expr', expr: stmt.suspension });
      return;
    }
    case 'blockDeclaration':
      out.line('{');
      out.indented(() => {
        if (stmt.form === 'function') {
          out.line(`function ${stmt.name}() { return ${printExpr(stmt.value)}${out.end('')} }`);
          out.statement(`fns.push(${stmt.name})`);
        } else {
          out.line(`class ${stmt.name} { m() { return ${printExpr(stmt.value)}${out.end('')} } }`);
          out.statement(`fns.push(() => new ${stmt.name}().m())`);
        }
        printStatement(out, { kind: 'expr', expr: stmt.suspension });
      });
      out.line('}');
      return;
  }
}

/** The value of a `nestedThis` statement's holder: the promise its async arrow returns. */
function printNestedThis(stmt: Extract<Stmt, { kind: 'nestedThis' }>): string {
  const second = stmt.holder === 'function' || stmt.holder === 'method' ? 'arguments.length' : '1';
  const arrow = `(async () => pair(this.k, ${stmt.awaits ? 'await ' : ''}${second}))()`;
  const key = quote(stmt.key);
  let promise: string;
  switch (stmt.holder) {
    case 'function':
      promise = `(function () { return ${arrow}; }).call({ k: ${key} }, 1, 2)`;
      break;
    case 'method':
      promise = `({ k: ${key}, m() { return ${arrow}; } }).m(1)`;
      break;
    case 'field':
      promise = `new (class { k = ${key}; v = ${arrow}; })().v`;
      break;
    case 'staticBlock':
      promise = `(class { static k = ${key}; static { this.v = ${arrow}; } }).v`;
      break;
    case 'asyncParameters':
      promise = `(async function (a = this.k, b = arguments.length) { return pair(a, ${stmt.awaits ? 'await ' : ''}b); }).call({ k: ${key} }, undefined, 2)`;
      break;
    case 'generatorParameters':
      promise = `Promise.resolve((function* (a = this.k, b = arguments.length) { yield pair(a, b); }).call({ k: ${key} }, undefined, 2).next().value)`;
      break;
  }
  return stmt.settle ? `settle(${quote(stmt.tag)}, ${promise})` : `log(${quote(stmt.tag)}, await ${promise})`;
}

/** The statement of a `constWrite` that writes `value` to the constant `name`. */
function printConstWrite(form: ConstWriteForm, name: string, value: string): string {
  switch (form) {
    case 'arrayPattern':
      return `[${name}] = [${value}]`;
    case 'objectPattern':
      return `({ ${name} } = { ${name}: ${value} })`;
    case 'forOf':
      return `for (${name} of [${value}]) {}`;
    case 'asyncArrow':
      return `await (async () => { ${name} = ${value} })()`;
    case 'generator':
      return `(function* () { ${name} = ${value} })().next()`;
  }
}

/** `async *f1(p)`, `static *#g1()`: a method's head. */
function methodHead(decl: FunctionDecl, holder: MethodHolder): string {
  const isStatic = holder === 'static' || holder === 'private' ? 'static ' : '';
  const isAsync = decl.flavor === 'generator' ? '' : 'async ';
  const star = decl.flavor === 'async' ? '' : '*';
  const name = holder === 'private' ? `#${decl.name}` : decl.name;
  const access = types && holder !== 'private' && holder !== 'object' ? types.accessibility() : '';
  return `${access}${isStatic}${isAsync}${star}${name}${types?.typeParameters() ?? ''}(${printParameters(decl.params)})${types?.annotation() ?? ''}`;
}

/**
 * Methods in their object or class (one holder for a run of methods that
 * share it), then for each the plain function that forwards calls to it
 * (with `this` the holder, and the same `arguments`), so that call sites are
 * the same as for a plain function.
 */
function printMethods(out: LineWriter, decls: FunctionDecl[]): void {
  const index = decls[0].name.replace(/^\D+/, '');
  const isObject = decls[0].holder === 'object';
  const object = isObject ? `o${index}` : `C${index}`;
  // `super` in a method reaches SuperBase (prelude.ts); a holder whose methods use none stays a plain object or class.
  const derived = decls.some((decl) => usesSuper(decl.body));
  out.line(isObject ? `const ${object} = {` : `class ${object}${derived ? ' extends SuperBase' : ''} {`);
  out.indented(() => {
    if (isObject && derived) out.line('__proto__: SuperBase.prototype,');
    // A field keeps its `;` in either style: a generator method after it starts with `*`, which would continue it.
    if (isObject) out.line(`k: '${object}',`);
    if (!isObject && decls.some((decl) => decl.holder === 'class')) out.line(`k${types?.annotation('string') ?? ''} = '${object}';`);
    if (!isObject && decls.some((decl) => decl.holder !== 'class')) out.line(`static k${types?.annotation('string') ?? ''} = '${object}';`);
    for (const decl of decls) {
      printBody(out, methodHead(decl, decl.holder!), decl.body, isObject ? '},' : '}');
      if (decl.holder === 'private') out.line(`static ${decl.name}() { return ${object}.#${decl.name}(...arguments); }`);
    }
  });
  out.line(isObject ? out.end('}') : '}');
  for (const decl of decls) {
    const forward =
      decl.holder === 'class'
        ? `var self = new ${object}(); return self.${decl.name}.apply(self, arguments);`
        : `return ${object}.${decl.name}.apply(${object}, arguments);`;
    out.line(`function ${decl.name}() { ${forward} }`);
  }
}

/** Whether a tree holds a `super` call. */
function usesSuper(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(usesSuper);
  if (node === null || typeof node !== 'object') return false;
  if ((node as { kind?: unknown }).kind === 'superCall') return true;
  return Object.values(node).some(usesSuper);
}

/** Whether a method stands in the holder of the method before it: both in objects, or both in classes. */
function sharesHolder(decl: FunctionDecl, previous: FunctionDecl): boolean {
  return decl.sharesHolder && decl.holder !== null && previous.holder !== null && (decl.holder === 'object') === (previous.holder === 'object');
}

function printFunctions(out: LineWriter, functions: FunctionDecl[]): void {
  for (let start = 0; start < functions.length; ) {
    const decl = functions[start];
    let end = start + 1;
    if (decl.holder !== null) {
      while (end < functions.length && sharesHolder(functions[end], functions[end - 1])) end++;
      printMethods(out, functions.slice(start, end));
    } else if (decl.flavor === 'async' && decl.arrow) {
      printBody(out, `const ${decl.name} = ${functionHead(decl.flavor, true, decl.params)}`, decl.body, out.end('}'));
    } else {
      printBody(out, functionHead(decl.flavor, false, decl.params, decl.name), decl.body);
    }
    start = end;
  }
}

/** The lines of an async arrow handed to `run(tag, ...)`, which prints how its promise settles. */
function printRun(out: LineWriter, tag: string, body: () => void): void {
  out.line(`run(${quote(tag)}, async () => {`);
  out.indented(body);
  out.line(out.end('})'));
}

function printTicker(out: LineWriter, tag: string, ticks: number): void {
  if (ticks > 0) out.statement(`ticker(${quote(tag)}, ${ticks})`);
}

function printConsumer(out: LineWriter, consumer: Consumer): void {
  out.line('try {');
  out.indented(() => {
    switch (consumer.kind) {
      case 'drive':
        for (const iterator of consumer.iterators) out.statement(`const ${iterator.name} = ${printExpr(iterator.call)}`);
        for (const action of consumer.actions) {
          if (action.kind === 'callFns') {
            out.statement(`callFns(${quote(consumer.tag)})`);
          } else {
            const tag = quote(`${consumer.tag} ${action.iterator}`);
            out.statement(`step(${tag}, ${action.iterator}, '${action.method}', ${printExpr(action.value)})`);
          }
        }
        if (consumer.drain) {
          for (const iterator of consumer.iterators) out.statement(`drain(${quote(`${consumer.tag} ${iterator.name}`)}, ${iterator.name})`);
        }
        break;
      case 'spread':
        out.statement(
          consumer.viaArrayFrom
            ? `log(${quote(`${consumer.tag} from`)}, Array.from(${printExpr(consumer.call)}))`
            : `log(${quote(`${consumer.tag} spread`)}, [...${printExpr(consumer.call)}])`,
        );
        break;
      case 'forOf':
        if (consumer.breakAfter !== null) out.statement('let n = 0');
        out.line(`for (const v of ${printExpr(consumer.call)}) {`);
        out.indented(() => {
          out.statement(`log(${quote(`${consumer.tag} of`)}, v)`);
          if (consumer.breakAfter !== null) out.statement(`if (++n >= ${consumer.breakAfter}) break`);
        });
        out.line('}');
        break;
      case 'destructure': {
        const names = Array.from({ length: consumer.count }, (_, index) => `v${index}`);
        out.statement(`const [${names.join(', ')}] = ${printExpr(consumer.call)}`);
        out.statement(`log(${[quote(`${consumer.tag} destructure`), ...names].join(', ')})`);
        break;
      }
      case 'settle':
        printTicker(out, consumer.tag, consumer.ticks);
        printSettle(out, consumer);
        break;
      case 'asyncDrive':
        printTicker(out, consumer.tag, consumer.ticks);
        printRun(out, consumer.tag, () => {
          for (const iterator of consumer.iterators) out.statement(`const ${iterator.name} = ${printExpr(iterator.call)}`);
          for (const action of consumer.actions) {
            if (action.kind === 'callFns') {
              out.statement(`callFns(${quote(consumer.tag)})`);
            } else {
              const tag = quote(`${consumer.tag} ${action.iterator}`);
              out.statement(`${action.wait ? 'await ' : ''}astep(${tag}, ${action.iterator}, '${action.method}', ${printExpr(action.value)})`);
            }
          }
          if (consumer.drain) {
            for (const iterator of consumer.iterators) out.statement(`await adrain(${quote(`${consumer.tag} ${iterator.name}`)}, ${iterator.name})`);
          }
        });
        break;
      case 'forAwait': {
        const exit = consumer.exit;
        printTicker(out, consumer.tag, consumer.ticks);
        printRun(out, consumer.tag, () => {
          if (exit !== null) out.statement('let n = 0');
          out.line(`for await (const v of ${printExpr(consumer.call)}) {`);
          out.indented(() => {
            out.statement(`log(${quote(`${consumer.tag} of`)}, v)`);
            if (exit !== null) {
              const leave = exit.how === 'break' ? 'break' : exit.how === 'return' ? 'return n' : `throw new Error(${quote(`${consumer.tag} exit`)})`;
              out.statement(`if (++n >= ${exit.after}) ${leave}`);
            }
          });
          out.line('}');
        });
        break;
      }
    }
  });
  out.line('} catch (e) {');
  out.indented(() => out.statement(`caught(${quote(consumer.tag)}, e)`));
  out.line('}');
}

function printSettle(out: LineWriter, consumer: Extract<Consumer, { kind: 'settle' }>): void {
  const { tag, calls, style } = consumer;
  switch (style) {
    case 'each':
      calls.forEach((call, index) => out.statement(`settle(${quote(`${tag} r${index}`)}, ${printExpr(call)})`));
      return;
    case 'inTurn':
      printRun(out, tag, () => {
        calls.forEach((call, index) => out.statement(`const r${index} = handled(${printExpr(call)})`));
        calls.forEach((_, index) => out.statement(`log(${quote(`${tag} r${index}`)}, await r${index})`));
      });
      return;
    default:
      out.statement(`settle(${quote(`${tag} ${style}`)}, Promise.${style}([${printList(calls)}]))`);
  }
}

/** The program's own code, without the prelude: what a failure report shows. */
export function printProgramBody(program: Program): string {
  const out = new LineWriter(program.semicolons);
  types = program.typescript ? new TypeSyntax(program.seed) : undefined;
  try {
    printFunctions(out, program.functions);
    for (const consumer of program.consumers) printConsumer(out, consumer);
  } finally {
    types = undefined;
  }
  out.statement(`callFns('end')`);
  if (isAsyncProgram(program)) out.statement('lateCheck()');
  return out.toString();
}

function printParameters(params: readonly string[]): string {
  return params.map((param) => (types ? types.parameter(param) : param)).join(', ');
}

/** The complete script: prelude, functions, consumers. */
export function printProgram(program: Program): string {
  return `${PRELUDE}// seed ${program.seed}\n${printProgramBody(program)}`;
}
