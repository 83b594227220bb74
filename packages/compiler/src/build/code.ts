/**
 * Small questions about `Code` (text with holes) that the build step asks
 * while it writes instructions.
 *
 * ## Example
 * `paren(['a + b'])` is `['(', 'a + b', ')']`; `paren([v])` for a variable is
 * `[v]` as it is.
 *
 * ## Implementation
 * A part that is a variable or a label is one operand; a string part is one
 * operand when it is an identifier or a string literal.
 *
 * ## References
 * ECMAScript 2025, 13 ECMAScript Language: Expressions (what needs
 * parentheses to stay one operand).
 */
import type { Code } from '../ir';

export function paren(code: Code): Code {
  if (isAtomic(code)) return code;
  return ['(', ...code, ')'];
}

export function isAtomic(code: Code): boolean {
  if (code.length !== 1) return false;
  const part = code[0];
  if (typeof part !== 'string') return true;
  return /^(?:[\w$]+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')$/.test(part);
}

/** Code with no effect when evaluated on its own (a variable, a literal). */
export function isInert(code: Code): boolean {
  return code.length === 1 && (typeof code[0] !== 'string' || /^(?:[\w$]+|void 0)$/.test(code[0]));
}