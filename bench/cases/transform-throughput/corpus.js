'use strict';
/**
 * The files the transform-throughput case lowers, read from this checkout
 * when the bench starts:
 *   fixtures/<suite>/<case>/input.{js,ts}   every fixture but the error
 *                                           fixtures, whose input coro must refuse
 *   packages/<package>/src/ (.ts, at any    the project's own sources
 *   depth, no declaration files)
 *   bench/cases/transform-throughput/corpus/ services, parsers and iterators
 *                                           written for this case
 * Each file is { filename (from the repository root, with /), text,
 * sourceType, lines }. A file with `import` or `export` is a module, any other
 * a script, as Node and the fixture runner read them.
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const SOURCE_FILE = /\.(?:js|ts)$/;
const DECLARATION_FILE = /\.d\.ts$/;

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function fixtureInputs(repoRoot) {
  return filesUnder(path.join(repoRoot, 'fixtures')).filter(
    (file) => /^input\.(?:js|ts)$/.test(path.basename(file)) && !fs.existsSync(path.join(path.dirname(file), 'diagnostics.json')),
  );
}

function packageSources(repoRoot) {
  const packagesDir = path.join(repoRoot, 'packages');
  return fs
    .readdirSync(packagesDir)
    .flatMap((name) => filesUnder(path.join(packagesDir, name, 'src')))
    .filter((file) => file.endsWith('.ts') && !DECLARATION_FILE.test(file));
}

function writtenForTheCase() {
  return filesUnder(path.join(__dirname, 'corpus')).filter((file) => SOURCE_FILE.test(file));
}

function countLines(text) {
  const newlines = text.split('\n').length - 1;
  return text.length > 0 && !text.endsWith('\n') ? newlines + 1 : newlines;
}

function sourceTypeOf(filename, text) {
  const kind = filename.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sourceFile = ts.createSourceFile(filename, text, ts.ScriptTarget.Latest, false, kind);
  return ts.isExternalModule(sourceFile) ? 'module' : 'script';
}

/** `files` (absolute paths) as corpus entries, sorted by name. */
function readFiles(repoRoot, files) {
  return files
    .map((file) => path.relative(repoRoot, file).split(path.sep).join('/'))
    .sort()
    .map((filename) => {
      const text = fs.readFileSync(path.join(repoRoot, filename), 'utf8');
      return { filename, text, sourceType: sourceTypeOf(filename, text), lines: countLines(text) };
    });
}

function readCorpus(repoRoot) {
  return readFiles(repoRoot, [...fixtureInputs(repoRoot), ...packageSources(repoRoot), ...writtenForTheCase()]);
}

module.exports = { readCorpus, readFiles, filesUnder, SOURCE_FILE };
