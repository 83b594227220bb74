/**
 * @coro/runtime's two builds, as the plugin's output reaches them: node's
 * `import` loads the ES module build (dist/esm), `require` the CommonJS one
 * (dist), with the same exports, and TypeScript finds the declarations of
 * each. (Bundlers take the ES module build for both, by the "module"
 * condition: module-ids.test.ts.) The compile-time subpath
 * `@coro/runtime/inline` is reached both ways too, one module behind both.
 */
import { join } from 'node:path';
import * as ts from 'typescript';
import { assertBuilt, makeProject, node, removeProject } from './harness';

const PROBE = `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const imported = await import('@coro/runtime');
const required = require('@coro/runtime');
const importedInline = await import('@coro/runtime/inline');
const requiredInline = require('@coro/runtime/inline');
console.log(JSON.stringify({
  importPath: import.meta.resolve('@coro/runtime'),
  requirePath: require.resolve('@coro/runtime'),
  importedNames: Object.keys(imported).sort(),
  requiredNames: Object.keys(required).sort(),
  inlineImportPath: import.meta.resolve('@coro/runtime/inline'),
  inlineRequirePath: require.resolve('@coro/runtime/inline'),
  inlineShared: importedInline.inlineRuntime === requiredInline.inlineRuntime,
  inlined: importedInline.inlineRuntime(['getIterator'], '$coro').startsWith('var $coro = (function () {'),
}));
`;

/** Programs that use each build through TypeScript's NodeNext resolution, as a library's sources would. */
const TYPED_USES = {
  'src/esm.mts': [
    "import { linkGenerator, type GeneratorFrame } from '@coro/runtime';",
    "import { inlineRuntime } from '@coro/runtime/inline';",
    'export const link: (fn: null, Frame: Function) => null = linkGenerator;',
    'export type Frame = GeneratorFrame;',
    'export const inline: (names: readonly string[], binding: string) => string = inlineRuntime;',
    '',
  ].join('\n'),
  'src/cjs.cts': [
    "import runtime = require('@coro/runtime');",
    "import inlining = require('@coro/runtime/inline');",
    'export const link = runtime.linkGenerator;',
    'export const inline: (names: readonly string[], binding: string) => string = inlining.inlineRuntime;',
    '',
  ].join('\n'),
};

let project: string;

beforeAll(() => {
  assertBuilt();
  project = makeProject({ 'probe.mjs': PROBE, ...TYPED_USES });
});
afterAll(() => removeProject(project));

test('node: import gives the ES module build, require the CommonJS build, with the same exports', async () => {
  const run = await node(['probe.mjs'], project);

  expect(run.stderr).toBe('');
  const probe = JSON.parse(run.stdout) as {
    importPath: string;
    requirePath: string;
    importedNames: string[];
    requiredNames: string[];
    inlineImportPath: string;
    inlineRequirePath: string;
    inlineShared: boolean;
    inlined: boolean;
  };
  expect(probe.importPath).toMatch(/\/packages\/runtime\/dist\/esm\/index\.js$/);
  expect(probe.requirePath).toMatch(/\/packages\/runtime\/dist\/index\.js$/);
  expect(probe.importedNames).toEqual(probe.requiredNames);
  expect(probe.importedNames).toContain('linkGenerator');
  expect(probe.importedNames).not.toContain('inlineRuntime');
  expect(probe.inlineImportPath).toMatch(/\/packages\/runtime\/dist\/esm\/inline-runtime\.js$/);
  expect(probe.inlineRequirePath).toMatch(/\/packages\/runtime\/dist\/inline-runtime\.js$/);
  expect(probe.inlineShared).toBe(true);
  expect(probe.inlined).toBe(true);
});

test('TypeScript (NodeNext) finds each build\'s declarations, and they type-check', () => {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, types: [] };
  const esm = join(project, 'src/esm.mts');
  const cjs = join(project, 'src/cjs.cts');

  const resolved = (specifier: string, file: string, mode: ts.ResolutionMode) =>
    ts.resolveModuleName(specifier, file, options, ts.sys, undefined, undefined, mode).resolvedModule?.resolvedFileName;
  expect(resolved('@coro/runtime', esm, ts.ModuleKind.ESNext)).toMatch(/\/packages\/runtime\/dist\/esm\/index\.d\.ts$/);
  expect(resolved('@coro/runtime', cjs, ts.ModuleKind.CommonJS)).toMatch(/\/packages\/runtime\/dist\/index\.d\.ts$/);
  expect(resolved('@coro/runtime/inline', esm, ts.ModuleKind.ESNext)).toMatch(/\/packages\/runtime\/dist\/esm\/inline-runtime\.d\.ts$/);
  expect(resolved('@coro/runtime/inline', cjs, ts.ModuleKind.CommonJS)).toMatch(/\/packages\/runtime\/dist\/inline-runtime\.d\.ts$/);

  const program = ts.createProgram([esm, cjs], options);
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  expect(problems).toEqual([]);
});
