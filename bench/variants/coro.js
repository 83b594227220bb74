'use strict';
/**
 * coro itself: the subject lowered by the workspace's @coro/compiler with
 * `runtime: 'require'`, run against the workspace's built @coro/runtime.
 *
 * Both packages are taken from their workspace folders (packages/compiler,
 * packages/runtime), not through node_modules, so the bench always measures
 * the code in this checkout. Until they are built, or when the compiler
 * reports a diagnostic, this variant is "n/a" with the reason.
 */
const fs = require('fs');
const path = require('path');
const { VariantUnavailable } = require('./unavailable');

const WARNING_CATEGORIES = new Set(['warning', 'suggestion', 'message', 'info']);

function loadCompiler(repoRoot) {
  const packageDir = path.join(repoRoot, 'packages', 'compiler');
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const entry = path.join(packageDir, manifest.main || 'index.js');
  if (!fs.existsSync(entry)) {
    throw new VariantUnavailable(`@coro/compiler is not built (${path.relative(repoRoot, entry)} is missing)`);
  }
  let compiler;
  try {
    compiler = require(entry);
  } catch (error) {
    throw new VariantUnavailable(`@coro/compiler does not load: ${error.message.split('\n')[0]}`);
  }
  if (typeof compiler.transform !== 'function') {
    throw new VariantUnavailable('@coro/compiler has no transform() export yet');
  }
  return compiler;
}

function checkRuntimeBuilt(repoRoot) {
  const packageDir = path.join(repoRoot, 'packages', 'runtime');
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const entry = path.join(packageDir, manifest.main || 'index.js');
  if (!fs.existsSync(entry)) {
    throw new VariantUnavailable(`@coro/runtime is not built (${path.relative(repoRoot, entry)} is missing)`);
  }
}

function isError(diagnostic) {
  const category = diagnostic.category ?? diagnostic.severity;
  if (typeof category === 'string') return !WARNING_CATEGORIES.has(category.toLowerCase());
  // TypeScript's DiagnosticCategory: Warning 0, Error 1, Suggestion 2, Message 3.
  if (typeof category === 'number') return category === 1;
  return true;
}

function describeDiagnostic(diagnostic) {
  const message = diagnostic.message ?? diagnostic.messageText ?? String(diagnostic);
  const text = typeof message === 'string' ? message : JSON.stringify(message);
  const where = diagnostic.line != null ? `:${diagnostic.line}:${diagnostic.column ?? 0}` : '';
  const code = diagnostic.code != null ? ` [${diagnostic.code}]` : '';
  return `${where ? `line ${where.slice(1)}: ` : ''}${text.split('\n')[0]}${code}`;
}

module.exports = {
  id: 'coro',
  description: "`@coro/compiler` `transform(code, { runtime: 'require' })`, run with the built `@coro/runtime`",
  optional: true,
  lower(source, { filename, repoRoot }) {
    checkRuntimeBuilt(repoRoot);
    const compiler = loadCompiler(repoRoot);
    let result;
    try {
      result = compiler.transform(source, { filename, runtime: 'require', sourceType: 'script' });
    } catch (error) {
      throw new VariantUnavailable(`transform() threw: ${String(error && error.message).split('\n')[0]}`);
    }
    const errors = (result.diagnostics || []).filter(isError);
    if (errors.length > 0) throw new VariantUnavailable(`diagnostic: ${describeDiagnostic(errors[0])}`);
    if (typeof result.code !== 'string') throw new VariantUnavailable('transform() returned no code');
    return result.code;
  },
};
