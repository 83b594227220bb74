/**
 * TypeScript's `SyntaxKind` enum, read from the `typescript` module once.
 *
 * ## Example
 * ```ts
 * import { SyntaxKind } from './syntax-kind';
 * if (node.kind === SyntaxKind.Identifier) …
 * ```
 *
 * ## Implementation
 * The `typescript` module exports each of its two thousand names through a
 * getter, on an object V8 keeps in dictionary mode, and the enum is not a
 * `const enum` that the build could inline. Every `SyntaxKind.X` in a
 * `switch` on a node's kind therefore costs a hash lookup and a getter call,
 * and the passes ask such questions of nearly every node of every file.
 * A constant of this module is an ordinary property load; the enum object
 * itself has fast properties.
 *
 * ## References
 * TypeScript's `lib/typescript.js` (its exports object, built by esbuild's
 * `__export`).
 */
import ts from 'typescript';

export const SyntaxKind = ts.SyntaxKind;
