/**
 * One early error, and how a rule reports one: at a node, with a code of
 * `DiagnosticCode` and a message worded as an engine's SyntaxError.
 *
 * ## Example
 * `report(name, DiagnosticCode.Redeclaration, "Identifier 'a' has already been declared")`
 * records `{ node: name, code: 1011, message: … }`; `transform` turns it into a
 * diagnostic with the node's line and column.
 *
 * ## Implementation
 * Rules report into a callback rather than returning lists, so that a rule
 * that also computes something (the scope of a block, a parameter list's
 * names) reports on the way.
 *
 * ## References
 * ECMAScript 2025, 5.1.4 (early errors are reported before evaluation).
 */
import type ts from 'typescript';

export interface EarlyError {
  readonly node: ts.Node;
  readonly code: number;
  readonly message: string;
}

/** Records one early error at `node` (or a part of it). */
export type ReportEarlyError = (node: ts.Node, code: number, message: string) => void;
