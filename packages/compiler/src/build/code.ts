/**
 * Small questions about `Code` (text with holes) that the build step asks
 * while it writes instructions.
 *
 * ## Example
 * `paren(['a + b'])` is `['(', 'a + b', ')']`; `paren([v])` for a variable is
 * `[v]` as it is.
 *
 * ## Implementation
 * Every part but text is one operand: a variable, a label, an `Operand`
 * (a name or a literal, made by render and by build's own constants). Text is
 * never taken apart: it is whatever the user or build wrote.
 *
 * ## References
 * ECMAScript 2025, 13 ECMAScript Language: Expressions (what needs
 * parentheses to stay one operand).
 */
import { isOperand, isVariable, type Code } from '../ir';

export function paren(code: Code): Code {
  if (isAtomic(code)) return code;
  return ['(', ...code, ')'];
}

export function isAtomic(code: Code): boolean {
  return code.length === 1 && typeof code[0] !== 'string';
}

/**
 * Code with no effect when evaluated on its own: a variable of the machine or
 * a literal. A name is not: reading one that resolves to nothing, or to a
 * binding in its dead zone, throws, and a global may be a getter.
 */
export function isInert(code: Code): boolean {
  if (code.length !== 1) return false;
  const part = code[0];
  return isVariable(part) || (isOperand(part) && part.literal);
}

/** Code whose value no suspension can change: a literal, `this`, `arguments`. */
export function isStable(code: Code): boolean {
  if (code.length !== 1) return false;
  const part = code[0];
  if (typeof part === 'string') return false;
  if (isOperand(part)) return part.literal;
  return isVariable(part) && (part.origin === 'this' || part.origin === 'arguments');
}