'use strict';
/**
 * Bundles the case's files as the variant lowers them, the way an
 * application ships them: one Rolldown build with every file an entry, so
 * what files share (coro's @coro/runtime) goes into one chunk and is counted
 * once, tree-shaken to what the files reach; Rolldown's minifier; each chunk
 * compressed by zlib at level 9. Imports between the files and of other
 * packages stay imports: only the variant's own code is counted. The types
 * every variant keeps from a `.ts` source are erased first (by TypeScript,
 * which changes nothing else), as a build does before bundling.
 *
 * Beside it, the size of every realistic file, not only those every variant
 * lowers, for the variants that lower them all.
 *
 * A variant whose subject has `runtimeEntry(code)` (coro) also gets the size
 * of the runtime a small program of one kind pulls in: the entry re-exports
 * what the lowered program calls, bundled and compressed the same way.
 */
const path = require('path');
const zlib = require('zlib');
const { rolldown } = require('rolldown');
const ts = require('typescript');
const subject = require('./subject');

let repoRoot;
let files;
let allFiles;
let programs;

function lowered(file) {
  const code = subject.lowerFile(file);
  if (!file.filename.endsWith('.ts')) return code;
  return ts.transpileModule(code, {
    fileName: file.filename,
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, ignoreDeprecations: '6.0' },
  }).outputText;
}

/** Every file lowered, or null when the variant refuses one of them (regenerator). */
function lowerAll(all) {
  try {
    return all.map((file) => ({ filename: file.filename, code: lowered(file) }));
  } catch {
    return null;
  }
}

exports.setup = function setup({ repoRoot: root, input }) {
  repoRoot = root;
  files = input.files.map((file) => ({ filename: file.filename, code: lowered(file) }));
  allFiles = lowerAll(input.allFiles);
  programs = typeof subject.runtimeEntry === 'function' ? input.programs.map((program) => ({ ...program, code: lowered(program) })) : [];
};

async function bundledSize(modules) {
  const byId = new Map(modules.map((module) => [path.join(repoRoot, module.filename), module.code]));
  const bundle = await rolldown({
    input: [...byId.keys()],
    cwd: repoRoot,
    platform: 'node',
    logLevel: 'silent',
    plugins: [
      {
        name: 'output-size-files',
        resolveId(source, importer) {
          if (byId.has(source)) return source;
          if (importer !== undefined && byId.has(importer) && source !== '@coro/runtime') return { id: source, external: true };
          return null;
        },
        load(id) {
          return byId.has(id) ? byId.get(id) : null;
        },
      },
    ],
  });
  const { output } = await bundle.generate({ format: 'esm', minify: true });
  await bundle.close();
  return output
    .filter((item) => item.type === 'chunk')
    .reduce((sum, chunk) => sum + zlib.gzipSync(chunk.code, { level: 9 }).length, 0);
}

exports.measure = async function measure() {
  const bytes = await bundledSize(files);
  const secondary = {};
  if (allFiles !== null) secondary[`all ${allFiles.length} files`] = await bundledSize(allFiles);
  for (const program of programs) {
    const entry = { filename: `${program.filename}.runtime.js`, code: subject.runtimeEntry(program.code) };
    secondary[`runtime, ${program.title}`] = await bundledSize([entry]);
  }
  return { bytes, secondary, observed: [{ key: 'files', value: files.length }] };
};
