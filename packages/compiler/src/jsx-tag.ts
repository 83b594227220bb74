/**
 * Which JSX tag names are strings rather than references.
 *
 * ## Example
 * `<div>`, `<my-element>` and `<svg:rect>` are the strings `"div"`,
 * `"my-element"` and `"svg:rect"` to the JSX compiler; `<Card>`, `<$t>`,
 * `<ui.card>` and `<this.View>` read a value, and a binding named `div` is
 * never what `<div>` reads.
 *
 * ## Implementation
 * The rule of TypeScript's and Babel's JSX transforms: an identifier whose
 * first character is a lowercase ASCII letter, or that holds a `-`, is
 * intrinsic, as is every namespaced name; member expressions and `this`
 * never are.
 *
 * ## References
 * JSX specification (facebook.github.io/jsx): JSXElementName; React's
 * "user-defined components must be capitalized".
 */
import ts from 'typescript';

export function isIntrinsicTagName(tag: ts.JsxTagNameExpression): boolean {
  if (ts.isJsxNamespacedName(tag)) return true;
  return ts.isIdentifier(tag) && (/^[a-z]/.test(tag.text) || tag.text.includes('-'));
}

/** Whether `node` is the tag name of an opening, self-closing or closing element. */
export function isJsxTagName(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) && parent.tagName === node
  );
}
