/**
 * NamedEvaluation: the name an anonymous function, arrow or class gets from
 * the place it stands in, and the code that keeps that name once lowering
 * moves the value away from that place.
 *
 * ## Example
 * ```js
 * function* g() { let f = () => {}; yield; return f.name; }   // 'f'
 * ```
 * `f` lives in the frame, so the declaration becomes a property write,
 * which names nothing; the arrow is written where the engine names it:
 * ```js
 * $frame.f$ = ({ f: () => {} }).f;
 * ```
 *
 * ## Implementation
 * `namedEvaluationName` reads the places where the specification applies
 * NamedEvaluation (an initializer of a binding or of a parameter, the right
 * side of `=`, `&&=`, `||=`, `??=` on an identifier, a default in a pattern,
 * a property value, a class field, `export default`), looking through
 * parentheses and TypeScript's type-only wrappers, as
 * IsAnonymousFunctionDefinition does. `namingText` and `namedByKey` put a
 * value under its key in an object literal and read it back: the engine
 * itself then runs NamedEvaluation, so a class keeps a static `name` member,
 * and the key may be a symbol held in a temporary. A lowered suspend function's wrapper is
 * named by its lowering (lower.ts): in its text when the name can be written
 * there, or else by the runtime call that links it (`wrapperName`).
 *
 * ## References
 * ECMAScript 2025, 8.4.3 IsAnonymousFunctionDefinition, 8.4.5
 * NamedEvaluation, 10.2.9 SetFunctionName; 13.15.2 (assignment), 13.2.5.5
 * PropertyDefinitionEvaluation (no name under `__proto__:`), 8.6.3
 * IteratorBindingInitialization and 13.15.5.6 (defaults in patterns), 15.7.10
 * ClassFieldDefinitionEvaluation, 16.2.3.7 (`export default`).
 */
import ts from 'typescript';
import { SyntaxKind } from './syntax-kind';
import type { Code } from './ir';
import type { FileContext, NameKey, OuterMachine } from './lowered-function';
import { isParenthesesOrTypeWrapper, skipParenthesesAndTypes } from './type-wrappers';

/** Where an anonymous function definition takes its name from. */
export type FunctionNameSource =
  /** A binding or an identifier reference that receives the value: its name. */
  | { readonly kind: 'binding'; readonly target: ts.Identifier; readonly name: string }
  /** A property key or class field name known without running code, or `default`. */
  | { readonly kind: 'key'; readonly name: string }
  /** A computed key, known once its expression has run. */
  | { readonly kind: 'computed'; readonly key: ts.Expression };

/** An anonymous function expression, arrow or class expression (parentheses and type wrappers looked through). */
export function isAnonymousFunctionDefinition(node: ts.Node): boolean {
  const n = skipParenthesesAndTypes(node);
  return ts.isArrowFunction(n) || ((ts.isFunctionExpression(n) || ts.isClassExpression(n)) && !n.name);
}

/** The name NamedEvaluation gives `node`, an anonymous function definition, where it stands; none where it is not named. */
export function namedEvaluationName(node: ts.Node): FunctionNameSource | undefined {
  if (!isAnonymousFunctionDefinition(node)) return undefined;
  let value = node;
  while (isParenthesesOrTypeWrapper(value.parent)) value = value.parent;
  const site = value.parent;
  const binding = (name: ts.Node): FunctionNameSource | undefined =>
    ts.isIdentifier(name) ? { kind: 'binding', target: name, name: name.text } : undefined;
  if ((ts.isVariableDeclaration(site) || ts.isBindingElement(site) || ts.isParameter(site)) && site.initializer === value) return binding(site.name);
  if (ts.isShorthandPropertyAssignment(site) && site.objectAssignmentInitializer === value) return binding(site.name);
  if (ts.isBinaryExpression(site) && site.right === value && NAMING_ASSIGNMENTS.has(site.operatorToken.kind)) return binding(site.left);
  if (ts.isPropertyAssignment(site) && site.initializer === value) {
    const key = keyName(site.name);
    // `__proto__: value` sets the prototype and defines no property.
    if (key?.kind === 'key' && key.name === '__proto__' && !ts.isComputedPropertyName(site.name)) return undefined;
    return key;
  }
  if (ts.isPropertyDeclaration(site) && site.initializer === value) return keyName(site.name);
  if (ts.isExportAssignment(site) && !site.isExportEquals) return { kind: 'key', name: 'default' };
  return undefined;
}

/** How a lowered function expression's wrapper gets the name its place gives it. */
export interface WrapperName {
  /** Written into the wrapper's text: `function f(…)`. */
  readonly written?: string;
  /** Code for the name the wrapper's link call gives it: a string literal, or where a computed key is kept. */
  readonly linked?: string;
  /** The text that keeps a computed key where `linked` reads it (`LoweredFunction.nameKey`). */
  readonly nameKey?: NameKey;
}

/**
 * A method wrapper carries an identifier in its text, as its key; an arrow's
 * name, `default`, a string key or a private name is given by its link, and
 * so is any name of a plain wrapper, in which a name would bind the function
 * for the code inside. Under a computed key of an object literal, the name is
 * the key's value, kept in a temporary of its own as the key is evaluated,
 * or, in a literal a suspension takes apart, in the temporary that machine
 * keeps it in.
 *
 * A class field's key runs once per evaluation of the class, its value at
 * each construction, and the class may be evaluated again in between (in a
 * loop, a function called twice): the temporary only carries the key to a
 * static private field of the class (`static #k = k;`, the first static
 * element, so it is set before any static code could construct), and the
 * value reads it through the class's own name (unless a class decorator put
 * another class under that name). In a class whose keys a
 * suspension takes apart, the machine's temporary for the key takes the
 * place of ours. An anonymous class has no name to read the field through:
 * there the function stays unnamed (README, known differences).
 */
export function wrapperName(fn: ts.FunctionLikeDeclaration, file: FileContext, outer: OuterMachine | undefined, base: string, asMethod: boolean): WrapperName {
  const source = namedEvaluationName(fn);
  if (!source) return {};
  if (source.kind !== 'computed') {
    return asMethod && canBeWrittenAsName(source.name) ? { written: source.name } : { linked: JSON.stringify(source.name) };
  }
  const key = computedNameKey(fn);
  if (!key) return {};
  const holder = key.parent.parent.parent;
  let keyCode: string;
  let nameKey: NameKey;
  if (outer?.suspends(holder)) {
    keyCode = outer.keptKey(key);
    nameKey = { before: '', after: '' };
  } else {
    keyCode = file.helperNames.fresh(base + '$name');
    file.fileHelpers.push(`var ${keyCode};`);
    nameKey = { before: `${keyCode} = ${file.runtime.ref('toPropertyKey')}(`, after: ')' };
  }
  if (!ts.isClassLike(holder)) return { linked: keyCode, nameKey };
  const field = '#' + file.helperNames.fresh(base + '$name');
  const own = holder.name!.text;
  // A class decorator may put another class under the name: that one has no such field, and the function no name.
  return { linked: `(${field} in ${own} ? ${own}.${field} : undefined)`, nameKey: { ...nameKey, classElement: `static ${field} = ${keyCode};` } };
}

/**
 * The computed key of an object literal property or of a field of a named
 * class whose value is `node`, an anonymous function definition named after it.
 */
export function computedNameKey(node: ts.Node): ts.Expression | undefined {
  const source = namedEvaluationName(node);
  if (source?.kind !== 'computed') return undefined;
  const member = source.key.parent.parent;
  if (ts.isPropertyAssignment(member)) return source.key;
  return ts.isPropertyDeclaration(member) && ts.isClassLike(member.parent) && member.parent.name ? source.key : undefined;
}

/** The text around a value that makes the engine name it `name`: `({ f: ` and ` }).f`. */
export function namingText(name: string): readonly [before: string, after: string] {
  if (/^[A-Za-z_$][\w$]*$/.test(name) && name !== '__proto__') return [`({ ${name}: `, ` }).${name}`];
  const key = JSON.stringify(name);
  return [`({ [${key}]: `, ` })[${key}]`];
}

/** `value` named by the engine after a property key that is known only at run time, held by `key`. */
export function namedByKey(key: Code, value: Code): Code {
  return ['({ [', ...key, ']: ', ...value, ' })[', ...key, ']'];
}

/**
 * Whether a function expression can carry `name` in its text (`function
 * name() {}`): an identifier that is no reserved word in any code, nor a
 * name strict code forbids for a binding.
 */
function canBeWrittenAsName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !RESERVED.has(name);
}

const NAMING_ASSIGNMENTS = new Set<ts.SyntaxKind>([
  SyntaxKind.EqualsToken,
  SyntaxKind.AmpersandAmpersandEqualsToken,
  SyntaxKind.BarBarEqualsToken,
  SyntaxKind.QuestionQuestionEqualsToken,
]);

const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield ' +
    'let static implements interface package private protected public arguments eval'
  ).split(' '),
);

/** The name a property or field key gives, when it is known before the code runs. */
function keyName(name: ts.PropertyName): FunctionNameSource {
  const key = ts.isComputedPropertyName(name) ? skipParenthesesAndTypes(name.expression) : name;
  if (ts.isIdentifier(key) && key === name) return { kind: 'key', name: key.text };
  if (ts.isPrivateIdentifier(key)) return { kind: 'key', name: key.text };
  if (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) return { kind: 'key', name: key.text };
  if (ts.isNumericLiteral(key)) return { kind: 'key', name: String(Number(key.text)) };
  if (ts.isBigIntLiteral(key)) return { kind: 'key', name: BigInt(key.text.slice(0, -1)).toString() };
  return { kind: 'computed', key: (name as ts.ComputedPropertyName).expression };
}
