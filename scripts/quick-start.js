#!/usr/bin/env node
/**
 * `npm run example`: lowers examples/quick-start/src with the built `coro`
 * CLI, shows a piece of what it wrote, and runs it next to the native program.
 *
 *   1. coro transpile examples/quick-start/src --out-dir examples/quick-start/out --runtime require
 *   2. check the output has no `function*` left, and print one lowered generator
 *   3. run out/main.js with node, and the same program with only its types
 *      removed (no coro), and compare what they print
 *
 * `npm run example` builds the packages first; run this file on its own only
 * after `npm run build`.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const cli = join(root, 'packages/cli/dist/cli.js');
const example = join(root, 'examples/quick-start');
const outDir = join(example, 'out');
const show = (path) => relative(root, path);

if (!existsSync(cli)) fail(`${show(cli)} is missing; run \`npm run build\` first (\`npm run example\` does).`);

heading('1. Lower the example with coro');
rmSync(outDir, { recursive: true, force: true });
const transpileArgs = ['transpile', show(join(example, 'src')), '--out-dir', show(outDir), '--runtime', 'require'];
console.log(`$ coro ${transpileArgs.join(' ')}`);
const transpiled = spawnSync(process.execPath, [cli, ...transpileArgs], { cwd: root, stdio: 'inherit' });
if (transpiled.status !== 0) fail(`coro transpile exited with ${transpiled.status}`);

heading('2. What it wrote');
const mainJs = join(outDir, 'main.js');
const code = readFileSync(mainJs, 'utf8');
if (/function\s*\*/.test(code)) fail(`${show(mainJs)} still contains a function*`);
console.log(`${show(mainJs)}: ${code.split('\n').length} lines, no function* left. The generator \`range\` became:\n`);
console.log(lowered(code, 'range'));

heading('3. Run it');
console.log(`$ node ${show(mainJs)}`);
const run = spawnSync(process.execPath, [mainJs], { cwd: root, encoding: 'utf8' });
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
if (run.status !== 0) fail(`node ${show(mainJs)} exited with ${run.status}`);

const native = spawnSync(process.execPath, ['-'], { cwd: root, encoding: 'utf8', input: nativeProgram() });
if (native.status !== 0) fail(`the native program failed:\n${native.stderr}`);
if (native.stdout !== run.stdout) fail(`the native program printed something else:\n${native.stdout}`);
console.log('\nThe native program (types removed, generators left as they are) prints the same.');

/** main.ts with only its types removed: what coro's output must behave like. */
function nativeProgram() {
  const ts = require('typescript');
  const source = readFileSync(join(example, 'src/main.ts'), 'utf8');
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.Preserve },
  }).outputText;
}

/**
 * What coro made of the top-level generator `name`: the line that links it to
 * the runtime's generator prototype, and the functions `name`, `name$Frame`,
 * `name$step`, each up to its closing brace.
 */
function lowered(code, name) {
  const lines = code.split('\n');
  const header = new RegExp(`^function ${name}(\\$\\w+)?\\(`);
  const shown = lines.filter((line) => line.startsWith(`$coro.linkGenerator(${name},`)).map((line) => `  ${line}`);
  for (let k = 0; k < lines.length; k++) {
    if (!header.test(lines[k])) continue;
    let depth = 0;
    do {
      depth += count(lines[k], '{') - count(lines[k], '}');
      shown.push(`  ${lines[k]}`);
      k++;
    } while (depth > 0 && k < lines.length);
    k--;
  }
  return shown.length > 0 ? shown.join('\n') : `  (no top-level \`function ${name}\` in the output)`;
}

function count(text, character) {
  return text.split(character).length - 1;
}

function heading(text) {
  console.log(`\n${text}`);
}

function fail(message) {
  console.error(`\nquick start failed: ${message}`);
  process.exit(1);
}
