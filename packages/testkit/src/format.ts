/**
 * Formatting what a program under test prints.
 *
 * ## Example
 *
 * `console.log('next', 1, false, { a: [1, 'x'] })` is recorded as the line
 * `next 1 false { a: [ 1, "x" ] }`.
 *
 * ## Implementation
 *
 * The values come from another realm (a `vm` context), and the same program
 * is run twice: once native, once lowered. So the format must not depend on
 * anything a faithful lowering is allowed to change, nor on which realm
 * created a value:
 * - no `instanceof` against the host's constructors; kinds are told apart by
 *   internal slots (`util.types`, `Array.isArray`) or `Object.prototype.toString`;
 * - no getter is ever run (accessors print as `[Getter]`), so printing has no
 *   side effects of its own;
 * - functions print by name only (never their source text, which differs
 *   between `function*` and its lowering), generator functions and plain
 *   functions alike;
 * - objects with a `Symbol.toStringTag` other than `Object` (generator objects
 *   among them) print as `[object Tag]`: their own keys are engine or
 *   lowering internals;
 * - errors print as `[Constructor: message]`, never with a stack.
 *
 * ## References
 *
 * ECMAScript 20.1.3.6 Object.prototype.toString (how tags are read).
 */
import { types } from 'util';

const MAX_DEPTH = 4;
const objectToString = Object.prototype.toString;

/** One `console.log` call as one trace line: arguments joined by a space; top-level strings raw. */
export function formatLogLine(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === 'string' ? arg : formatValue(arg))).join(' ');
}

/** A value as it appears inside a log line. Never throws and never runs user code. */
export function formatValue(value: unknown): string {
  return formatAt(value, 0, []);
}

/**
 * A thrown value as one line: `TypeError: message` for error-like objects,
 * the formatted value otherwise. Reading `message` may run a getter; the
 * thrown value belongs to the program and this is what the program would show.
 */
export function describeThrown(value: unknown): string {
  try {
    if (isErrorLike(value)) {
      const error = value as { message?: unknown; name?: unknown };
      const kind = constructorName(error) ?? String(error.name);
      return `${kind}: ${String(error.message)}`;
    }
    return formatValue(value);
  } catch (describeError) {
    return `<value that cannot be described: ${String(describeError)}>`;
  }
}

function isErrorLike(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return types.isNativeError(value) || objectToString.call(value) === '[object Error]';
}

function formatAt(value: unknown, depth: number, seen: object[]): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${String(value)}n`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return value.toString();
    case 'function':
      return formatFunction(value);
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.includes(object)) return '[Circular]';
  try {
    seen.push(object);
    return formatObject(object, depth, seen);
  } catch (error) {
    // A revoked proxy, for instance: describe it rather than fail the run.
    return `[object that cannot be inspected]`;
  } finally {
    seen.pop();
  }
}

function formatFunction(fn: Function): string {
  const name = dataProperty(fn, 'name');
  return typeof name === 'string' && name !== '' ? `[Function: ${name}]` : '[Function (anonymous)]';
}

function formatObject(object: object, depth: number, seen: object[]): string {
  if (types.isProxy(object)) return '[Proxy]';
  if (isErrorLike(object)) return `[${describeThrown(object)}]`;
  if (types.isDate(object)) {
    const time = Date.prototype.getTime.call(object);
    return Number.isNaN(time) ? '[Date: Invalid Date]' : `[Date: ${Date.prototype.toISOString.call(object)}]`;
  }
  if (types.isRegExp(object)) return `[RegExp: ${RegExp.prototype.toString.call(object)}]`;
  if (types.isBoxedPrimitive(object)) return formatBoxed(object);
  if (types.isPromise(object)) return '[object Promise]';
  if (types.isMap(object)) {
    if (depth >= MAX_DEPTH) return '[Map]';
    const entries: string[] = [];
    Map.prototype.forEach.call(object, (v: unknown, k: unknown) => {
      entries.push(`${formatAt(k, depth + 1, seen)} => ${formatAt(v, depth + 1, seen)}`);
    });
    return `Map(${entries.length}) {${listBody(entries)}}`;
  }
  if (types.isSet(object)) {
    if (depth >= MAX_DEPTH) return '[Set]';
    const entries: string[] = [];
    Set.prototype.forEach.call(object, (v: unknown) => {
      entries.push(formatAt(v, depth + 1, seen));
    });
    return `Set(${entries.length}) {${listBody(entries)}}`;
  }
  if (Array.isArray(object)) {
    if (depth >= MAX_DEPTH) return '[Array]';
    return `[${listBody(arrayElements(object, depth, seen))}]`;
  }
  if (types.isArgumentsObject(object)) {
    if (depth >= MAX_DEPTH) return '[Arguments]';
    return `[Arguments] [${listBody(arrayElements(object as ArrayLike<unknown>, depth, seen))}]`;
  }
  const tag = objectToString.call(object).slice('[object '.length, -1);
  if (tag !== 'Object') return `[object ${tag}]`;

  const prototype = Object.getPrototypeOf(object);
  const prefix = prototype === null ? '[Object: null prototype] ' : classPrefix(object);
  if (depth >= MAX_DEPTH) return prefix === '' ? '[Object]' : `[${prefix.trim()}]`;
  const entries: string[] = [];
  for (const key of Reflect.ownKeys(object)) {
    const descriptor = Object.getOwnPropertyDescriptor(object, key);
    if (descriptor === undefined || !descriptor.enumerable) continue;
    const keyText = typeof key === 'symbol' ? `[${key.toString()}]` : formatKey(key);
    entries.push(`${keyText}: ${formatDescriptor(descriptor, depth, seen)}`);
  }
  return `${prefix}{${listBody(entries)}}`;
}

function arrayElements(list: ArrayLike<unknown>, depth: number, seen: object[]): string[] {
  const elements: string[] = [];
  const length = dataProperty(list, 'length') as number;
  for (let index = 0; index < length; index++) {
    const descriptor = Object.getOwnPropertyDescriptor(list, index);
    elements.push(descriptor === undefined ? '<empty>' : formatDescriptor(descriptor, depth, seen));
  }
  return elements;
}

function formatDescriptor(descriptor: PropertyDescriptor, depth: number, seen: object[]): string {
  if ('value' in descriptor) return formatAt(descriptor.value, depth + 1, seen);
  if (descriptor.get && descriptor.set) return '[Getter/Setter]';
  return descriptor.get ? '[Getter]' : '[Setter]';
}

function formatBoxed(object: object): string {
  if (types.isNumberObject(object)) return `[Number: ${formatValue(Number.prototype.valueOf.call(object))}]`;
  if (types.isStringObject(object)) return `[String: ${JSON.stringify(String.prototype.valueOf.call(object))}]`;
  if (types.isBooleanObject(object)) return `[Boolean: ${String(Boolean.prototype.valueOf.call(object))}]`;
  if (types.isSymbolObject(object)) return `[Symbol: ${Symbol.prototype.toString.call(object)}]`;
  if (types.isBigIntObject(object)) return `[BigInt: ${BigInt.prototype.toString.call(object)}n]`;
  return '[object Boxed]';
}

function formatKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/** `Point ` for an instance of class `Point`; `` for plain objects. Reads only data properties. */
function classPrefix(object: object): string {
  const name = constructorName(object);
  return name === undefined || name === 'Object' ? '' : `${name} `;
}

/**
 * The name of the nearest `constructor` data property on the prototype chain,
 * when it is a function: that is how a reader names the class of an object.
 */
function constructorName(object: object): string | undefined {
  for (let proto = Object.getPrototypeOf(object); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'constructor');
    if (descriptor === undefined) continue;
    if (!('value' in descriptor) || typeof descriptor.value !== 'function') return undefined;
    const name = dataProperty(descriptor.value, 'name');
    return typeof name === 'string' && name !== '' ? name : undefined;
  }
  return undefined;
}

/** An own data property's value without running a getter; `undefined` otherwise. */
function dataProperty(object: object, key: PropertyKey): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
}

function listBody(entries: string[]): string {
  return entries.length === 0 ? '' : ` ${entries.join(', ')} `;
}
