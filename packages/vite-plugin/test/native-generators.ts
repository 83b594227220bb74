/**
 * The generator functions left in a piece of built JavaScript: what a test
 * reads to tell lowered code from code coro did not touch.
 *
 * Example:
 *   nativeGenerators('function* a() {} const o = { *b() {} }; function c() {}')
 *   // ['a', 'b']
 *
 * Implementation:
 *   Parsed with TypeScript, not matched with a regular expression: minified
 *   output writes `*` for multiplication next to names and parentheses, and
 *   a generator method has no `function` keyword. Anonymous generators are
 *   listed as `<anonymous>`.
 */
import * as ts from 'typescript';

export function nativeGenerators(code: string): string[] {
  const file = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).asteriskToken !== undefined) {
      const name = (node as ts.FunctionLikeDeclaration).name;
      found.push(name !== undefined && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) ? name.text : '<anonymous>');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
