/**
 * Shrinking a failing program to a smallest one that still fails.
 *
 * ## Example
 * ```ts
 * const { program } = shrinkProgram(failing, (candidate) => stillFails(candidate));
 * console.log(printProgramBody(program));
 * ```
 *
 * ## Implementation
 * Greedy descent over edits of the tree (never of the text), in the spirit of
 * delta debugging and of Hypothesis' shrinker: enumerate the candidates one
 * edit away, coarse edits first, take the first one that still fails, start
 * again from it; stop when no candidate fails or the budget is spent.
 *
 * The edits:
 * - remove a chunk of any list (functions, consumers, statements, resume
 *   actions, switch cases, arguments, elements, calls), halves first;
 * - replace a compound statement by one of its statement lists (loop → body,
 *   `try` → block / catch body / finally body, `if` → a branch, switch → a
 *   case body), drop a catch or finally clause, an `else`, a label, the
 *   rest element of an object pattern;
 * - lower a loop bound or a tick count, stop draining, drop a `break` from a
 *   `for-of` consumer or the early exit of a `for await` one, stop waiting
 *   for a request, settle calls each on its own instead of combined, turn an
 *   async arrow into an async function, a method into a function, give a
 *   method a holder of its own;
 * - replace an expression by one of its sub-expressions or by `0`; an
 *   iterable (for-of head, `yield*` operand) only by an empty array or string.
 *
 * An edit is only tried when it makes the program strictly smaller by
 * {@link programCost}, so shrinking always ends. Edits do not keep the
 * program valid (one may delete a declaration or orphan a `break`); the
 * predicate rejects what they break: campaign.ts checks the candidate
 * statically (well-formed.ts, which also sees code that never runs natively)
 * and then runs it natively before it looks for the failure.
 *
 * ## References
 * A. Zeller, R. Hildebrandt, "Simplifying and Isolating Failure-Inducing
 * Input" (2002); D. MacIver, "Test-Case Reduction for Random Testing" (Hypothesis).
 */
import { subExpressions, type Expr, type Program, type Stmt } from './ast';

type Path = (string | number)[];
type Json = unknown;

const STATEMENT_LIST_KEYS = new Set(['body', 'then', 'else', 'block', 'finalizer']);
const EXPRESSION_KINDS = new Set<Expr['kind']>([
  'num', 'str', 'undefined', 'var', 'argumentsLength', 'binary', 'logical', 'cond', 'assign',
  'yield', 'yieldStar', 'await', 'pair', 'array', 'object', 'template', 'genCall', 'newError', 'describe',
  'sequence', 'spread', 'promise', 'combine', 'handled', 'thisKey', 'anonymousFunction', 'optionalCall', 'superCall', 'deleteBinding',
]);
/** Slots that must stay iterable: a for-of head, the operand of `yield*` or of a spread. */
const ITERABLE_SLOTS = new Set(['iterable', 'source']);

export interface ShrinkOptions {
  /** Predicate calls at most (default 3000). */
  maxAttempts?: number;
  /** Wall-clock budget (default 60 000 ms); the best program so far is returned when it runs out. */
  timeLimitMs?: number;
}

export interface ShrinkResult {
  program: Program;
  /** Candidates tried (predicate calls). */
  attempts: number;
  /** Candidates accepted. */
  steps: number;
  /** True when the budget ran out before a local minimum was reached. */
  exhausted: boolean;
}

export function shrinkProgram(program: Program, stillFails: (candidate: Program) => boolean, options: ShrinkOptions = {}): ShrinkResult {
  const maxAttempts = options.maxAttempts ?? 3000;
  const deadline = Date.now() + (options.timeLimitMs ?? 60_000);
  let current = program;
  let currentCost = programCost(current);
  let attempts = 0;
  let steps = 0;
  for (;;) {
    let improved = false;
    for (const candidate of candidates(current)) {
      if (attempts >= maxAttempts || Date.now() > deadline) return { program: current, attempts, steps, exhausted: true };
      const cost = programCost(candidate);
      if (cost >= currentCost) continue;
      attempts++;
      if (stillFails(candidate)) {
        current = candidate;
        currentCost = cost;
        steps++;
        improved = true;
        break;
      }
    }
    if (!improved) return { program: current, attempts, steps, exhausted: false };
  }
}

/** Size of a program for the shrinker: nodes, plus loop bounds, labels and options that do work. */
export function programCost(value: Json): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + programCost(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  const node = value as Record<string, Json>;
  let cost = 1;
  for (const [key, field] of Object.entries(node)) {
    if (key === 'params' && Array.isArray(field)) cost += field.length;
    else if (typeof field === 'object') cost += programCost(field);
    else if (key === 'limit' || key === 'count' || key === 'breakAfter' || key === 'ticks' || key === 'after') cost += Number(field);
    else if (key === 'label' || key === 'param') cost += field === null ? 0 : 1;
    else if (key === 'drain' || key === 'viaArrayFrom' || key === 'wait' || key === 'arrow' || key === 'sharesHolder') cost += field === true ? 1 : 0;
    else if (key === 'style') cost += field === 'each' ? 0 : 1;
    else if (key === 'holder') cost += field === null ? 0 : 1;
    else if (key === 'value' && node.kind === 'num') cost += field === 0 ? 0 : 1;
  }
  // A leaf other than `0` costs one more than `0`, so "replace by 0" is progress.
  if (node.kind === 'var' || node.kind === 'str' || node.kind === 'undefined' || node.kind === 'argumentsLength' || node.kind === 'thisKey' || node.kind === 'anonymousFunction' || node.kind === 'deleteBinding') cost += 1;
  return cost;
}

/** Every program one edit away from `program`, coarse edits first. */
export function* candidates(program: Program): Generator<Program> {
  const nodes = collect(program);
  // Lists first (they remove the most), then statement-level rewrites, then expressions.
  for (const { path, value } of nodes) {
    if (Array.isArray(value)) yield* listRemovals(program, path, value.length);
  }
  for (const { path, value, parentIsStatementList } of nodes) {
    if (!Array.isArray(value) && value !== null && typeof value === 'object') {
      yield* nodeRewrites(program, path, value as Record<string, Json>, parentIsStatementList);
    }
  }
  for (const { path, value, key } of nodes) {
    // A consumer's kind may share a name with an expression's (`spread`): consumers are not expressions.
    const isConsumer = path.length === 2 && path[0] === 'consumers';
    if (isExpression(value) && !isConsumer) yield* expressionReplacements(program, path, value, key);
  }
}

interface Located {
  path: Path;
  value: Json;
  /** The key or index under which `value` sits in its parent. */
  key: string | number | null;
  parentIsStatementList: boolean;
}

function collect(root: Json): Located[] {
  const result: Located[] = [];
  const visit = (value: Json, path: Path, key: string | number | null, parentIsStatementList: boolean): void => {
    if (value === null || typeof value !== 'object') return;
    result.push({ path, value, key, parentIsStatementList });
    if (Array.isArray(value)) {
      const isStatementList = typeof key === 'string' && STATEMENT_LIST_KEYS.has(key);
      value.forEach((item, index) => visit(item, [...path, index], index, isStatementList));
    } else {
      for (const [childKey, child] of Object.entries(value)) visit(child, [...path, childKey], childKey, false);
    }
  };
  visit(root, [], null, false);
  return result;
}

function isExpression(value: Json): value is Expr {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && EXPRESSION_KINDS.has((value as Expr).kind);
}

/** A deep copy of `root` with `edit` applied to the node at `path`'s parent. */
function edited(root: Program, path: Path, edit: (parent: Record<string | number, Json>, key: string | number) => void): Program {
  const copy = structuredClone(root);
  let parent: Record<string | number, Json> = copy as unknown as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  edit(parent, path[path.length - 1]);
  return copy;
}

function replaced(root: Program, path: Path, replacement: Json): Program {
  return edited(root, path, (parent, key) => {
    parent[key] = structuredClone(replacement);
  });
}

function* listRemovals(program: Program, path: Path, length: number): Generator<Program> {
  for (let chunk = length; chunk >= 1; chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2)) {
    for (let start = 0; start + chunk <= length; start += chunk) {
      yield edited(program, path, (parent, key) => {
        (parent[key] as Json[]).splice(start, chunk);
      });
    }
  }
}

/** Replaces the statement at `path` (inside a statement list) by the statements `inner`. */
function spliced(program: Program, path: Path, inner: Stmt[]): Program {
  const listPath = path.slice(0, -1);
  const index = path[path.length - 1] as number;
  return edited(program, listPath, (parent, key) => {
    (parent[key] as Json[]).splice(index, 1, ...structuredClone(inner));
  });
}

function* nodeRewrites(program: Program, path: Path, node: Record<string, Json>, isStatement: boolean): Generator<Program> {
  if (isStatement) {
    const statement = node as unknown as Stmt;
    switch (statement.kind) {
      case 'if':
        yield spliced(program, path, statement.then);
        if (statement.else !== null) yield spliced(program, path, statement.else);
        break;
      case 'block':
      case 'for':
      case 'while':
      case 'doWhile':
      case 'forOf':
      case 'forAwait':
      case 'forIn':
      case 'localFunction':
        yield spliced(program, path, statement.body);
        break;
      case 'try':
        yield spliced(program, path, statement.block);
        if (statement.handler !== null) yield spliced(program, path, statement.handler.body);
        if (statement.finalizer !== null) yield spliced(program, path, statement.finalizer);
        break;
      case 'switch':
        for (const switchCase of statement.cases) {
          // The case's own `break;` would be orphaned (or worse, break an enclosing loop) outside the switch.
          yield spliced(program, path, switchCase.body.filter((inner) => inner.kind !== 'break' || inner.label !== null));
        }
        break;
      default:
        break;
    }
  }
  if (node.else !== undefined && node.else !== null && node.kind === 'if') yield replaced(program, [...path, 'else'], null);
  if (node.kind === 'try') {
    if (node.handler !== null && node.finalizer !== null) {
      yield replaced(program, [...path, 'handler'], null);
      yield replaced(program, [...path, 'finalizer'], null);
    }
  }
  if (typeof node.label === 'string') yield replaced(program, [...path, 'label'], null);
  if (node.default !== undefined && node.default !== null) yield replaced(program, [...path, 'default'], null);
  if (typeof node.param === 'string') yield replaced(program, [...path, 'param'], null);
  if (node.kind === 'destructure' && node.rest !== null) yield replaced(program, [...path, 'rest'], null);
  if (typeof node.limit === 'number') {
    for (let limit = 0; limit < node.limit; limit++) yield replaced(program, [...path, 'limit'], limit);
  }
  if (node.drain === true) yield replaced(program, [...path, 'drain'], false);
  if ((node.kind === 'for' || node.kind === 'while' || node.kind === 'doWhile') && node.test !== null) yield replaced(program, [...path, 'test'], null);
  if (node.kind === 'for' && node.start !== null) yield replaced(program, [...path, 'start'], null);
  if (node.wait === true) yield replaced(program, [...path, 'wait'], false);
  if (typeof node.holder === 'string') yield replaced(program, [...path, 'holder'], null);
  if (node.sharesHolder === true) yield replaced(program, [...path, 'sharesHolder'], false);
  if (node.arrow === true && (node.expressionBody === undefined || node.expressionBody === null)) yield replaced(program, [...path, 'arrow'], false);
  if (typeof node.style === 'string' && node.style !== 'each') yield replaced(program, [...path, 'style'], 'each');
  if (node.exit !== undefined && node.exit !== null) yield replaced(program, [...path, 'exit'], null);
  for (const key of ['ticks', 'after']) {
    const count = node[key];
    if (typeof count === 'number') for (let lower = 0; lower < count; lower++) yield replaced(program, [...path, key], lower);
  }
  if (node.viaArrayFrom === true) yield replaced(program, [...path, 'viaArrayFrom'], false);
  if (typeof node.breakAfter === 'number') {
    yield replaced(program, [...path, 'breakAfter'], null);
    if (node.breakAfter > 1) yield replaced(program, [...path, 'breakAfter'], 1);
  }
  if (node.kind === 'destructure' && typeof node.count === 'number' && node.count > 1) yield replaced(program, [...path, 'count'], 1);
  if (Array.isArray(node.params) && node.params.length > 0) {
    yield replaced(program, [...path, 'params'], node.params.slice(0, -1));
  }
}

const ZERO: Expr = { kind: 'num', value: 0 };

function* expressionReplacements(program: Program, path: Path, expr: Expr, key: string | number | null): Generator<Program> {
  if (typeof key === 'string' && ITERABLE_SLOTS.has(key)) {
    yield replaced(program, path, { kind: 'array', elements: [] });
    yield replaced(program, path, { kind: 'str', value: '' });
    return;
  }
  if (key === 'object' || key === 'call') return; // a for-in head stays an object; a consumer keeps its generator call
  for (const child of subExpressions(expr)) yield replaced(program, path, child);
  if (expr.kind === 'yield' && expr.arg !== null) yield replaced(program, [...path, 'arg'], null);
  if (expr.kind === 'template') yield replaced(program, path, { kind: 'str', value: '' });
  yield replaced(program, path, ZERO);
}
