/**
 * Writes dist/esm/, the ES module build of the runtime, beside the CommonJS
 * build in dist/. package.json's "exports" hand it to Node's `import`
 * ("import") and to bundlers for `import` and `require` alike ("module", a
 * condition bundlers know and Node ignores, so a bundle never holds both
 * builds); Node's `require` and Jest get dist/ ("require", "default").
 *
 * ## Example
 *
 * `src/link-generator.ts`, `import { GeneratorPrototype } from './generator-prototype';`
 * becomes `dist/esm/link-generator.js`,
 * `import { GeneratorPrototype } from './generator-prototype.js';`, with
 * `dist/esm/link-generator.d.ts` beside it; `dist/esm/package.json` says
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
 * A compile-time module (`@coro/runtime/inline`) is not compiled a second
 * time: its ES module build is a wrapper that re-exports the CommonJS build
 * (Node's recipe for a module that must exist once), whose `require` of the
 * JSON file the build wrote then serves `import` too.
 *
 * ## References
 *
 * - https://nodejs.org/docs/latest-v20.x/api/esm.html#mandatory-file-extensions
 * - https://nodejs.org/docs/latest-v20.x/api/packages.html#conditional-exports
 * - https://webpack.js.org/guides/package-exports/#conditions (the "module" condition)
 * - https://nodejs.org/docs/latest-v20.x/api/packages.html#approach-1-use-an-es-module-wrapper
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const packageRoot = path.join(__dirname, '..');
/** Modules whose ES module build re-exports their CommonJS build, by name without extension. */
const REEXPORTED = ['inline-runtime'];

function readConfig() {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } };
  return ts.getParsedCommandLineOfConfigFile(path.join(packageRoot, 'tsconfig.esm.json'), {}, host);
}

/**
 * A relative specifier names a file relative to the source; the emitted one
 * names the same file relative to the output: `./frame` → `./frame.js`,
 * `./coroutine` → `./coroutine/index.js`.
 */
function emittedSpecifier(specifier, importer, options) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return specifier;
  const { resolvedModule } = ts.resolveModuleName(specifier, importer, options, ts.sys);
  if (!resolvedModule || resolvedModule.isExternalLibraryImport) {
    throw new Error(`${path.relative(packageRoot, importer)}: cannot resolve '${specifier}'`);
  }
  const target = outputPathOf(resolvedModule.resolvedFileName, options).replace(/\.ts$/, '.js');
  const relative = path.relative(path.dirname(outputPathOf(importer, options)), target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function outputPathOf(sourceFile, options) {
  return path.join(options.outDir, path.relative(options.rootDir, sourceFile));
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
      if (isDynamicImport) {
        return factory.updateCallExpression(node, node.expression, node.typeArguments, [rewrite(node.arguments[0]), ...node.arguments.slice(1)]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(root, visit, context);
  };
}

function buildEsm() {
  const config = readConfig();
  const compiled = config.fileNames.filter((file) => !REEXPORTED.includes(path.basename(file, '.ts')));
  const program = ts.createProgram({ rootNames: compiled, options: config.options, projectReferences: config.projectReferences });
  const transformer = withEmittedSpecifiers(config.options);
  const result = program.emit(undefined, undefined, undefined, false, { after: [transformer], afterDeclarations: [transformer] });
  const diagnostics = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
  if (diagnostics.length) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => packageRoot, getNewLine: () => '\n' };
    throw new Error(ts.formatDiagnostics(diagnostics, host));
  }
  for (const name of REEXPORTED) {
    const wrapper = `export * from '../${name}.js';\n`;
    fs.writeFileSync(path.join(config.options.outDir, `${name}.js`), wrapper);
    fs.writeFileSync(path.join(config.options.outDir, `${name}.d.ts`), wrapper);
  }
  const marker = { type: 'module', sideEffects: false };
  fs.writeFileSync(path.join(config.options.outDir, 'package.json'), JSON.stringify(marker, null, 2) + '\n');
}

if (require.main === module) buildEsm();
