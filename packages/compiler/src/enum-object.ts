/**
 * A TypeScript enum written as the code that fills its object in, the way
 * TypeScript emits it: `(function (E) { E[E["A"] = 0] = "A"; … })(object)`.
 *
 * ## Example
 * ```ts
 * enum E { A, B = A + n, C = 'c' }
 * ```
 * fills `E` with
 * ```js
 * E[E["A"] = 0] = "A";
 * if (typeof (E["B"] = E.A + n) !== "string") E[E["B"]] = "B";
 * E["C"] = 'c';
 * ```
 *
 * ## Implementation
 * coro writes an enum inside a suspend function itself rather than leaving
 * it to TypeScript, whose emit asks its checker for each member's value and
 * for what a name in an initializer denotes: the tsc plugin hands TypeScript
 * a declaration it rewrote (a machine variable read in an initializer, the
 * enum's name bound to the machine's binding), which no checker knows, and
 * TypeScript then writes `void 0` for a numbered member and leaves member
 * names unqualified. The values are computed as the code runs instead of
 * folded: a member without an initializer is the one before plus one (a
 * literal one before it is counted here), and a member whose initializer is
 * neither a number nor a string literal gets a reverse mapping unless its
 * value is a string (TypeScript decides from the folded value; a computed
 * member must be a number, so the two agree on programs TypeScript accepts).
 * A member name in an initializer is `E.name`: render's identifier hook
 * writes it so (scope.ts's `enumMembers`).
 *
 * ## References
 * TypeScript handbook, Enums (constant and computed members, reverse
 * mappings, declaration merging); TypeScript's `transformEnumBody`.
 */
import ts from 'typescript';
import { SyntaxKind } from './syntax-kind';
import type { Code, Part } from './ir';
import { enumMemberName } from './scope';
import { skipParenthesesAndTypes } from './type-wrappers';

/** The statements that fill in the enum object named `node.name` inside the function that receives it. */
export function enumMembersCode(node: ts.EnumDeclaration, render: (initializer: ts.Expression) => Code): Code {
  const self = node.name.text;
  const body: Part[] = [];
  let previous: { key: string; next: number | undefined } | undefined;
  for (const member of node.members) {
    const key = JSON.stringify(enumMemberName(member));
    const slot = `${self}[${key}]`;
    const initializer = member.initializer && skipParenthesesAndTypes(member.initializer);
    const literal = initializer && numericLiteralValue(initializer);
    if (!initializer || literal !== undefined) {
      const value = initializer ? literal : previous ? previous.next : 0;
      const written: Code = initializer ? render(member.initializer!) : value !== undefined ? [String(value)] : [`${self}[${previous!.key}] + 1`];
      body.push(`${self}[${slot} = `, ...written, `] = ${key}; `);
      previous = { key, next: value !== undefined ? value + 1 : undefined };
      continue;
    }
    previous = { key, next: undefined };
    const value = render(member.initializer!);
    if (ts.isStringLiteralLike(initializer)) body.push(`${slot} = `, ...value, '; ');
    else body.push(`if (typeof (${slot} = `, ...value, `) !== "string") ${self}[${slot}] = ${key}; `);
  }
  return body;
}

/** Whether an earlier declaration of the enum's name in its statement list made the object this one fills. */
export function mergesWithEarlier(node: ts.EnumDeclaration): boolean {
  const statements = (node.parent as { statements?: readonly ts.Statement[] }).statements ?? [];
  return statements.some((s) => s.pos < node.pos && ts.isEnumDeclaration(s) && s.name.text === node.name.text && !isAmbientEnum(s));
}

export function isAmbientEnum(node: ts.EnumDeclaration): boolean {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Ambient) !== 0;
}

/** `5` or `-5`: a value known as the code is written. */
function numericLiteralValue(node: ts.Node): number | undefined {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text);
  return undefined;
}
