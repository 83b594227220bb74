/**
 * The name a stack trace gives a lowered function's frames: the name V8
 * prints for the original, which the source map carries to the step
 * function's start (source-map.ts, `namedPositionMark`), since Node prints a
 * mapped frame under the name mapped there.
 *
 * ## Example
 * ```js
 * class Store { async load() { await 0; throw new Error('gone'); } }
 * // native and lowered:   at Store.load (store.js:1:45)
 * const api = { async *pages() { … } };
 * // native and lowered:   at Object.pages (api.js:…)
 * ```
 *
 * ## Implementation
 * V8 writes a method call's frame as `Type.name`: the type is the name of
 * the receiver's constructor, the name the function's own (V8's
 * `AppendMethodCall`). The receiver is known only at run time, and the step
 * function, which the runtime calls with the frame as receiver, is not where
 * the original receiver is: so the type is the one the receiver has where
 * the method is written and called on its holder. A class's method (static
 * or not) gets the class's name (its own, or the one its place gives it), an
 * object literal's `Object`. Other functions get no type: an arrow or a
 * plain function is mostly called without a receiver. V8 leaves the type out
 * where the name starts with it, and (observed on Node 20) for a private
 * name or a key that is not an identifier; so does this.
 *
 * ## References
 * - V8 `call-site-info.cc`, `AppendMethodCall` and `SerializeJSStackFrame`
 * - https://v8.dev/docs/stack-trace-api
 */
import ts from 'typescript';
import { inferredNameNode } from './wrapper';

export interface TraceName {
  /** Where the function starts in the source: the step function's start maps there. */
  readonly pos: number;
  readonly name: string;
}

/** The name of `fn`'s frames as V8 prints the original's; undefined when it has none V8 would print. */
export function traceNameOf(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile): TraceName | undefined {
  // `export default function* () {}` is named "default", as its frames are.
  if (ts.isFunctionDeclaration(fn) && !fn.name) return { pos: fn.getStart(sf), name: 'default' };
  const name = fn.name ?? inferredNameNode(fn);
  if (!name || !(ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))) return undefined;
  const type = ts.isIdentifier(name) ? holderTypeName(fn) : undefined;
  const prefixed = type !== undefined && !name.text.startsWith(type) ? `${type}.${name.text}` : name.text;
  return { pos: fn.getStart(sf), name: prefixed };
}

/**
 * The name a frame of `fn`'s step is mapped to: its trace name, and for a
 * function with no name at all `<anonymous>`, the word V8 prints for one
 * called as a method. Without a mapped name Node prints the step's own, made
 * up of the compiler's helper names (`$async$Frame2.$async$step2`). A name V8
 * takes from a computed key at run time gets none: the key is not known here.
 */
export function mappedFrameNameOf(fn: ts.FunctionLikeDeclaration, sf: ts.SourceFile): TraceName | undefined {
  const traced = traceNameOf(fn, sf);
  if (traced !== undefined || fn.name !== undefined || inferredNameNode(fn) !== undefined) return traced;
  return { pos: fn.getStart(sf), name: '<anonymous>' };
}

/** The type V8 names for the receiver a method is called on where it is written: its class, or `Object`. */
function holderTypeName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (!ts.isMethodDeclaration(fn)) return undefined;
  const holder = fn.parent;
  if (ts.isObjectLiteralExpression(holder)) return 'Object';
  if (!ts.isClassLike(holder)) return undefined;
  const className = holder.name ?? inferredNameNode(holder);
  return className && ts.isIdentifier(className) && className.text !== '' ? className.text : undefined;
}
