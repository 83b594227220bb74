/**
 * Writes dist/inline-sources.json, the data `inlineRuntime()` assembles its
 * fragments from. Run by `npm run build` after tsc.
 *
 * Every runtime module is compiled again with the package's own compiler
 * options, as an ES module instead of CommonJS, so the output is the
 * compiled code with plain `import`/`export` around it. Imports are dropped,
 * `export` keywords removed, and each top-level declaration becomes an entry
 * with the names of the other declarations it refers to and of the globals
 * it reads. The build fails on
 * anything that cannot be inlined as is: a top-level statement that is not a
 * `function` or a single `var`, two modules declaring the same name, or
 * syntax newer than ES5 (lowered output must run on ES5 engines).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const packageRoot = path.join(__dirname, '..');
/** Modules that run in Node only and are never inlined. */
const NOT_INLINED = ['index.ts', 'inline-runtime.ts'];
/**
 * Coroutines share one scheduler per program (its ready queue, its clock, its
 * tree of tasks): a copy written into each file would give each file its own,
 * so they are reached through `@coro/runtime/coroutines` only.
 */
const NOT_INLINED_DIRECTORY = path.join(packageRoot, 'src', 'coroutines');

function readCompilerOptions() {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } };
  const config = ts.getParsedCommandLineOfConfigFile(path.join(packageRoot, 'tsconfig.json'), {}, host);
  return { fileNames: config.fileNames, options: config.options };
}

/** Compiles one module to an ES module and returns its top-level declarations. */
function collectDeclarations(fileName, options) {
  const { outputText } = ts.transpileModule(fs.readFileSync(fileName, 'utf8'), {
    fileName,
    compilerOptions: { ...options, module: ts.ModuleKind.ES2015, declaration: false, sourceMap: false, inlineSourceMap: false },
  });
  const file = ts.createSourceFile(fileName, outputText, ts.ScriptTarget.Latest, true);
  const where = (node) => `${path.relative(packageRoot, fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const declarations = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue;
    let name;
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      name = statement.name.text;
    } else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1 &&
        !(statement.declarationList.flags & ts.NodeFlags.BlockScoped) && ts.isIdentifier(statement.declarationList.declarations[0].name)) {
      name = statement.declarationList.declarations[0].name.text;
    } else {
      throw new Error(`${where(statement)}: cannot inline a top-level ${ts.SyntaxKind[statement.kind]}; use a function or a single var`);
    }
    const modifiers = (statement.modifiers || []).filter((m) => m.kind !== ts.SyntaxKind.ExportKeyword);
    if (modifiers.length) throw new Error(`${where(statement)}: cannot inline a declaration with modifiers`);
    for (const problem of findNonEs5Syntax(statement)) throw new Error(`${where(problem)}: not ES5: ${problem.getText()}`);
    const start = statement.modifiers ? statement.modifiers.end : statement.getStart();
    declarations.push({ name, node: statement, code: outputText.slice(start, statement.end).trim() });
  }
  return declarations;
}

/** Nodes that an ES5 engine could not parse, anywhere under `root`. */
function findNonEs5Syntax(root) {
  const found = [];
  const visit = (node) => {
    if (isNewerThanEs5(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

function isNewerThanEs5(node) {
  switch (node.kind) {
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.ClassExpression:
    case ts.SyntaxKind.SpreadElement:
    case ts.SyntaxKind.SpreadAssignment:
    case ts.SyntaxKind.TemplateExpression:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TaggedTemplateExpression:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.ObjectBindingPattern:
    case ts.SyntaxKind.ArrayBindingPattern:
    case ts.SyntaxKind.ShorthandPropertyAssignment:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
    case ts.SyntaxKind.ComputedPropertyName:
    case ts.SyntaxKind.YieldExpression:
    case ts.SyntaxKind.AwaitExpression:
    case ts.SyntaxKind.MetaProperty:
    case ts.SyntaxKind.AsteriskAsteriskToken:
    case ts.SyntaxKind.AsteriskAsteriskEqualsToken:
    case ts.SyntaxKind.QuestionQuestionToken:
    case ts.SyntaxKind.QuestionDotToken:
    case ts.SyntaxKind.BigIntLiteral:
      return true;
    case ts.SyntaxKind.VariableDeclarationList:
      return (node.flags & ts.NodeFlags.BlockScoped) !== 0;
    case ts.SyntaxKind.CatchClause:
      return node.variableDeclaration === undefined;
    case ts.SyntaxKind.Parameter:
      return node.initializer !== undefined || node.dotDotDotToken !== undefined;
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
      return node.asteriskToken !== undefined || (node.modifiers || []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
    default:
      return false;
  }
}

/** Names of other top-level declarations that `node` refers to (property names are not references). */
function findDependencies(node, self, declared) {
  const names = new Set();
  const visit = (child) => {
    if (ts.isIdentifier(child) && child.text !== self && declared.has(child.text)) {
      const parent = child.parent;
      const isPropertyName = (ts.isPropertyAccessExpression(parent) && parent.name === child) ||
        (ts.isPropertyAssignment(parent) && parent.name === child);
      if (!isPropertyName) names.add(child.text);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return [...names].sort();
}

/**
 * The globals `node` reads: identifiers in value positions that neither the
 * runtime's top-level declarations nor a function, parameter, variable or
 * catch clause inside `node` declare. A file that declares one of these
 * names at its top level would otherwise hand the inlined runtime its own
 * binding (`const Promise = require('bluebird')`).
 */
function findGlobals(node, declared) {
  const locals = new Set();
  const references = [];
  const visit = (child) => {
    if (ts.isIdentifier(child)) {
      const parent = child.parent;
      const isDeclarationName =
        ((ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isParameter(parent) || ts.isVariableDeclaration(parent)) && parent.name === child) ||
        (ts.isCatchClause(parent) && parent.variableDeclaration && parent.variableDeclaration.name === child);
      const isPropertyName = (ts.isPropertyAccessExpression(parent) && parent.name === child) || (ts.isPropertyAssignment(parent) && parent.name === child);
      const isLabel = (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) && parent.label === child;
      if (isDeclarationName) locals.add(child.text);
      else if (!isPropertyName && !isLabel) references.push(child.text);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return [...new Set(references.filter((name) => !declared.has(name) && !locals.has(name) && name !== 'arguments'))].sort();
}

function buildInlineSources() {
  const { fileNames, options } = readCompilerOptions();
  const declarations = [];
  for (const fileName of fileNames.slice().sort()) {
    if (fileName.endsWith('.d.ts') || NOT_INLINED.includes(path.basename(fileName))) continue;
    if (path.resolve(fileName).startsWith(NOT_INLINED_DIRECTORY + path.sep)) continue;
    declarations.push(...collectDeclarations(fileName, options));
  }
  const declared = new Set();
  for (const { name } of declarations) {
    if (declared.has(name)) throw new Error(`two runtime modules declare "${name}"; inlined, they would share one scope`);
    declared.add(name);
  }
  const exports = Object.keys(require(path.join(packageRoot, 'dist', 'index.js'))).sort();
  for (const name of exports) {
    if (!declared.has(name)) throw new Error(`the runtime export "${name}" has no inlinable declaration`);
  }
  const result = { exports, declarations: {} };
  for (const { name, node, code } of declarations.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    result.declarations[name] = { code, dependencies: findDependencies(node, name, declared), globals: findGlobals(node, declared) };
  }
  return result;
}

if (require.main === module) {
  const output = path.join(packageRoot, 'dist', 'inline-sources.json');
  fs.writeFileSync(output, JSON.stringify(buildInlineSources(), null, 2) + '\n');
}

module.exports = { buildInlineSources, findNonEs5Syntax };
