/**
 * Which declarations are `using` and `await using` ones, and where a
 * statement list's resources begin (disposal.ts builds their disposal).
 *
 * ## Example
 * `{ f(); using a = x; await using b = y; }`: the list's resources begin
 * at its second statement, and its disposal awaits.
 *
 * ## References
 * ECMAScript 2026, 14.3.1 Let, Const, Using and Await Using Declarations.
 */
import ts from 'typescript';

export function isUsing(list: ts.VariableDeclarationList): boolean {
  const kind = list.flags & ts.NodeFlags.BlockScoped;
  return kind === ts.NodeFlags.Using || kind === ts.NodeFlags.AwaitUsing;
}

export function isAwaitUsing(list: ts.VariableDeclarationList): boolean {
  return (list.flags & ts.NodeFlags.BlockScoped) === ts.NodeFlags.AwaitUsing;
}

/** The `using` declarations directly in a statement list: where its disposal region starts, and whether it awaits. */
export function usingDeclarationsOf(statements: readonly ts.Statement[]): { first: number; isAsync: boolean } | undefined {
  const lists = statements.map((s) => (ts.isVariableStatement(s) && isUsing(s.declarationList) ? s.declarationList : undefined));
  const first = lists.findIndex((list) => list !== undefined);
  if (first < 0) return undefined;
  return { first, isAsync: lists.some((list) => list !== undefined && isAwaitUsing(list)) };
}
