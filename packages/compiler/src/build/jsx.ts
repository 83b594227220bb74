/**
 * The parts of a JSX element or fragment that run code, in the order they
 * run: what expressions.ts evaluates (and keeps in temporaries) before the
 * element is written again as JSX around their results.
 *
 * ## Example
 * ```jsx
 * <Card title={name} {...props}>text {await body()} <Footer /></Card>
 * ```
 * has the parts `Card` (tag), `name` (value of `title`), `props` (spread
 * attribute), `await body()` (value) and `<Footer />` (element); the text is
 * inert and copied as it stands.
 *
 * ## Implementation
 * A JSX transform turns an element into one call, `h(tag, props, ...children)`
 * (or `jsx(tag, { ...props, children })`): the tag is read first, then the
 * props object is built attribute by attribute (a spread copies its object
 * there), then the children are evaluated. An intrinsic tag (`div`,
 * `my-element`, `svg:rect`; jsx-tag.ts) is a string and runs nothing;
 * string attributes, attributes without a value, text and empty expressions
 * (braces that hold only a comment) are inert too.
 *
 * ## References
 * JSX specification (facebook.github.io/jsx): JSXElement, JSXAttributes,
 * JSXChildren; TypeScript's `jsx: react` emit and Babel's
 * `@babel/plugin-transform-react-jsx` for the order of evaluation.
 */
import ts from 'typescript';
import { isIntrinsicTagName } from '../jsx-tag';

export type JsxNode = ts.JsxElement | ts.JsxSelfClosingElement | ts.JsxFragment;

export type JsxPart =
  /** A tag that names a value; `closing` is the closing tag that must name the same one. */
  | { readonly kind: 'tag'; readonly node: ts.Expression; readonly closing?: ts.JsxTagNameExpression }
  /** An attribute's `{value}` (`name` is the attribute's) or a child's `{value}`. */
  | { readonly kind: 'value'; readonly node: ts.Expression; readonly name?: string }
  | { readonly kind: 'spreadAttribute'; readonly node: ts.Expression }
  | { readonly kind: 'spreadChild'; readonly node: ts.Expression }
  /** A nested element or fragment, as a child or as an attribute's value. */
  | { readonly kind: 'element'; readonly node: JsxNode };

export function isJsxNode(node: ts.Node): node is JsxNode {
  return ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);
}

/** The parts of `node` that run code, in evaluation order. */
export function jsxParts(node: JsxNode): JsxPart[] {
  const parts: JsxPart[] = [];
  const opening = ts.isJsxElement(node) ? node.openingElement : ts.isJsxSelfClosingElement(node) ? node : undefined;
  if (opening && !isIntrinsicTagName(opening.tagName)) {
    // What is left once intrinsic names are out: an identifier, `this` or a member of one, all expressions.
    parts.push({ kind: 'tag', node: opening.tagName as ts.Expression, closing: ts.isJsxElement(node) ? node.closingElement.tagName : undefined });
  }
  for (const attribute of opening?.attributes.properties ?? []) {
    if (ts.isJsxSpreadAttribute(attribute)) {
      parts.push({ kind: 'spreadAttribute', node: attribute.expression });
      continue;
    }
    const value = attribute.initializer;
    if (value === undefined || ts.isStringLiteral(value)) continue;
    if (ts.isJsxExpression(value)) {
      if (value.expression) parts.push({ kind: 'value', node: value.expression, name: attributeName(attribute.name) });
    } else {
      parts.push({ kind: 'element', node: value });
    }
  }
  const children = ts.isJsxSelfClosingElement(node) ? [] : node.children;
  for (const child of children) {
    if (ts.isJsxText(child)) continue;
    if (ts.isJsxExpression(child)) {
      if (child.expression) parts.push({ kind: child.dotDotDotToken ? 'spreadChild' : 'value', node: child.expression });
    } else {
      parts.push({ kind: 'element', node: child });
    }
  }
  return parts;
}

function attributeName(name: ts.JsxAttributeName): string {
  return ts.isJsxNamespacedName(name) ? `${name.namespace.text}:${name.name.text}` : name.text;
}
