/**
 * TypeScript's `this` parameter: a type annotation written in the place of
 * a first parameter, which binds nothing and is erased from the emitted
 * parameter list.
 *
 * ## Example
 * ```ts
 * function* walk(this: Tree, depth: number) { yield arguments.length; }
 * ```
 * has one parameter, `depth`: `walk.length` is 1, `arguments[0]` is
 * `depth`, and no binding named `this` exists.
 *
 * ## Implementation
 * A parameter whose name is the identifier `this` (the parser reads it as
 * one); every pass that counts, binds or maps parameters asks for
 * `valueParameters` instead of the syntax's list.
 *
 * ## References
 * TypeScript Handbook, "More on Functions": Declaring `this` in a Function.
 */
import ts from 'typescript';

export function isThisParameter(parameter: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(parameter.name) && parameter.name.text === 'this';
}

/** The parameters that bind values at run time: the list without a leading `this` parameter. */
export function valueParameters(fn: ts.SignatureDeclaration): readonly ts.ParameterDeclaration[] {
  const first = fn.parameters[0];
  return first !== undefined && isThisParameter(first) ? fn.parameters.slice(1) : fn.parameters;
}
