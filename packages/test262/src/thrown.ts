/**
 * What a test threw: the name a negative test compares, and a one-line
 * description for the failure report.
 *
 * ## Example
 *
 * ```ts
 * errorName(new TypeError('x'))                   // 'TypeError'
 * errorName(new Test262Error('x'))                // 'Test262Error' (sta.js sets no `name`)
 * describeThrown(new Test262Error('Expected SameValue(«1», «2») to be true'))
 * // 'Test262Error: Expected SameValue(«1», «2») to be true'
 * describeThrown('Test262: This statement should not be evaluated.')
 * // 'throw "Test262: This statement should not be evaluated."'
 * ```
 *
 * ## Implementation
 *
 * The thrown value comes from the test's realm and may be anything, a proxy
 * or an object whose getters throw included: every read is guarded. The
 * error's type is its constructor's `name`, as test262's own harnesses
 * compare it, because `Test262Error` instances have no `name` of their own.
 *
 * ## References
 *
 * test262 INTERPRETING.md, `negative`; harness/sta.js.
 */
import * as vm from 'vm';

/** The name of the thrown value's constructor, or `typeof` for a primitive. */
export function errorName(thrown: unknown): string {
  if ((typeof thrown !== 'object' && typeof thrown !== 'function') || thrown === null) return typeof thrown;
  try {
    const constructor = (thrown as { constructor?: { name?: unknown } }).constructor;
    const name = constructor?.name;
    return typeof name === 'string' ? name : 'object';
  } catch {
    return 'object';
  }
}

export function describeThrown(thrown: unknown): string {
  if ((typeof thrown !== 'object' && typeof thrown !== 'function') || thrown === null) {
    return `throw ${typeof thrown === 'string' ? JSON.stringify(thrown) : safeString(thrown)}`;
  }
  let message: unknown;
  try {
    message = (thrown as { message?: unknown }).message;
  } catch {
    message = '<message getter threw>';
  }
  return `${errorName(thrown)}: ${safeString(message)}`;
}

/** A host error (a parse error from `vm.Script`) as an error of the realm's constructor of the same name. */
export function asRealmError(context: vm.Context, error: unknown): unknown {
  const name = /^(Syntax|Reference|Type|Range|Eval|URI)?Error$/.test(errorName(error)) ? errorName(error) : 'Error';
  const RealmError = vm.runInContext(name, context) as ErrorConstructor;
  return new RealmError((error as Error).message);
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '<value that cannot be converted to a string>';
  }
}
