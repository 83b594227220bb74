/**
 * Writes dist/esm/, the ES module build of the runtime, beside the CommonJS
 * build in dist/. package.json's "exports" hand it to Node's `import`
 * ("import") and to bundlers for `import` and `require` alike ("module", a
 * condition bundlers know and Node ignores, so a bundle never holds both
 * builds); Node's `require` and Jest get dist/ ("require", "default").
 *
 * ## Example
 *
 * `src/linkGenerator.ts`, `import { GeneratorPrototype } from './generatorPrototype';`
 * becomes `dist/esm/linkGenerator.js`,
 * `import { GeneratorPrototype } from './generatorPrototype.js';`, with
 * `dist/esm/linkGenerator.d.ts` beside it; `dist/esm/package.json` says
 * `"type": "module"`.
 *
 * ## Implementation
 *
 * tsc compiles the sources with tsconfig.esm.json (the package's own options,
 * modules kept as `import`/`export`). Node and strict ESM resolvers need full
 * relative specifiers, while the sources are written without extensions, as
 * the CommonJS build wants; a transformer run after tsc's own, on the code and
 * on the declarations, resolves each relative specifier with TypeScript's
 * module resolution and writes the path of the emitted file. Each module stays
 * its own file, so a bundler keeps only the modules a program reaches.
 * The `package.json` marker repeats `"sideEffects": false` because webpack
 * reads it from the nearest package.json of a file, which is now this one.
 * `require('../dist/inline-sources.json')` in inlineRuntime.ts is rewritten
 * the same way (to `../inline-sources.json`), so bundlers that resolve a
 * `require` in an ES module find the file; Node's ES modules have no
 * `require`, so `inlineRuntime` works from the CommonJS build only, where the
 * compiler calls it.
 *
 * ## References
 *
 * - https://nodejs.org/docs/latest-v20.x/api/esm.html#mandatory-file-extensions
 * - https://nodejs.org/docs/latest-v20.x/api/packages.html#conditional-exports
 * - https://webpack.js.org/guides/package-exports/#conditions (the "module" condition)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const packageRoot = path.join(__dirname, '..');

function readConfig() {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } };
  return ts.getParsedCommandLineOfConfigFile(path.join(packageRoot, 'tsconfig.esm.json'), {}, host);
}

/**
 * A relative specifier names a file relative to the source; the emitted one
 * names the same file relative to the output: `./frame` → `./frame.js`,
 * `./coroutine` → `./coroutine/index.js`, `'../dist/inline-sources.json'`
 * (a file the build wrote, not a module compiled here) → `'../inline-sources.json'`.
 */
function emittedSpecifier(specifier, importer, options) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return specifier;
  const { resolvedModule } = ts.resolveModuleName(specifier, importer, options, ts.sys);
  let target;
  if (resolvedModule && !resolvedModule.isExternalLibraryImport) {
    target = outputPathOf(resolvedModule.resolvedFileName, options).replace(/\.ts$/, '.js');
  } else if (fs.existsSync(path.resolve(path.dirname(importer), specifier))) {
    target = path.resolve(path.dirname(importer), specifier);
  } else {
    throw new Error(`${path.relative(packageRoot, importer)}: cannot resolve '${specifier}'`);
  }
  const relative = path.relative(path.dirname(outputPathOf(importer, options)), target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function outputPathOf(sourceFile, options) {
  return path.join(options.outDir, path.relative(options.rootDir, sourceFile));
}

function isRequireCall(node) {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' &&
    node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]);
}

function withEmittedSpecifiers(options) {
  return (context) => (root) => {
    if (!ts.isSourceFile(root)) return root;
    const factory = context.factory;
    const rewrite = (literal) => factory.createStringLiteral(emittedSpecifier(literal.text, root.fileName, options));
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateImportDeclaration(node, node.modifiers, node.importClause, rewrite(node.moduleSpecifier), node.attributes);
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, rewrite(node.moduleSpecifier), node.attributes);
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        return factory.updateImportTypeNode(node, factory.updateLiteralTypeNode(node.argument, rewrite(node.argument.literal)),
          node.attributes, node.qualifier, node.typeArguments, node.isTypeOf);
      }
      const isDynamicImport = ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0]);
      if (isDynamicImport || isRequireCall(node)) {
        return factory.updateCallExpression(node, node.expression, node.typeArguments, [rewrite(node.arguments[0]), ...node.arguments.slice(1)]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(root, visit, context);
  };
}

function buildEsm() {
  const config = readConfig();
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
  const transformer = withEmittedSpecifiers(config.options);
  const result = program.emit(undefined, undefined, undefined, false, { after: [transformer], afterDeclarations: [transformer] });
  const diagnostics = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
  if (diagnostics.length) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => packageRoot, getNewLine: () => '\n' };
    throw new Error(ts.formatDiagnostics(diagnostics, host));
  }
  const marker = { type: 'module', sideEffects: false };
  fs.writeFileSync(path.join(config.options.outDir, 'package.json'), JSON.stringify(marker, null, 2) + '\n');
}

if (require.main === module) buildEsm();
