'use strict';
/**
 * Counts the suspend functions (generators, async functions, async
 * generators, async arrows) with a body in a compiler's output: every one left
 * is work the compiler did not do.
 */
const ts = require('typescript');

function isAsync(node) {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Async) !== 0;
}

function countSuspendFunctions(code, filename) {
  const kind = filename.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sourceFile = ts.createSourceFile(filename, code, ts.ScriptTarget.Latest, false, kind);
  let count = 0;
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body && (node.asteriskToken || isAsync(node))) count++;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return count;
}

module.exports = { countSuspendFunctions };
