// yaml's lexer, parser and composer are generators (`*lex`, `*parse`, `*next`):
// documents lexed, parsed whole and in two pieces, iterators left early with
// `break` and `return()`, and a round trip of generated values.
const YAML = require('yaml');
const { Lexer, Parser, Composer, LineCounter } = YAML;
const docs = [
  'a: 1\nb: [1, 2, {c: d}]\n',
  '%YAML 1.2\n---\nfoo: &x bar\nbaz: *x\n...\n--- !!map\n? complex key\n: value\n',
  '- |\n  literal\n  block\n- >-\n  folded\n  text\n- "quoted \\n esc"\n- \'single\'\'s\'\n',
  'key: [unterminated\nother: }\n',
  'a:\n  - b\n  -c: d\n bad indent: 1\n',
  '# comment\nx: !!binary aGVsbG8=\ny: 2001-12-14t21:59:43.10-05:00\nz: 0x1F\nw: .inf\n',
  '{ a: 1, b: [x, y], "c": null }',
  'anchors:\n  base: &base {a: 1}\n  derived:\n    <<: *base\n    b: 2\n',
  '--- a\n--- b\n--- [c]\n',
  '\t tab: bad\n',
  'a: 1\na: 2\n',
  'seq:\n- - nested\n  - - deeper\n    - x\n',
];
for (const src of docs) {
  console.log('=== ' + JSON.stringify(src));
  const lexed = [];
  for (const tok of new Lexer().lex(src)) lexed.push(JSON.stringify(tok));
  console.log('tokens', lexed.length, lexed.slice(0, 8).join(' '));
  const lc = new LineCounter();
  const cst = [];
  for (const t of new Parser(lc.addNewLine).parse(src)) cst.push(t.type + ':' + t.offset);
  console.log('cst', cst.join(','), 'lines', lc.lineStarts.join(','));
  try { console.log('parse', JSON.stringify(YAML.parse(src, { merge: true }))); } catch (e) { console.log('parse error', e.name, e.code, e.message); }
  const all = YAML.parseAllDocuments(src);
  const arr = Array.isArray(all) ? all : [all];
  for (const d of arr) console.log(' doc', JSON.stringify(d.toJS && d.toJS()), d.errors.map(e => e.code + ' ' + e.message).join('|'), d.warnings.length, d.errors.length ? '(not stringified)' : String(d));
  // incremental: partial parse then end
  const composer = new Composer();
  const parser = new Parser();
  const out = [];
  const half = Math.floor(src.length / 2);
  for (const tok of parser.parse(src.slice(0, half), true)) for (const d of composer.next(tok)) out.push('doc@' + d.range);
  for (const tok of parser.parse(src.slice(half), false)) for (const d of composer.next(tok)) out.push('doc@' + d.range);
  for (const d of composer.end()) out.push('end@' + d.range);
  console.log('incremental', out.join(' '));
  // early break out of the token generator
  const lx = new Lexer().lex(src);
  let n = 0; for (const t of lx) { if (++n === 3) break; }
  console.log('after break', JSON.stringify(lx.next()));
  const pp = new Parser().parse(src);
  const first = pp.next();
  console.log('first', first.done, first.value && first.value.type, JSON.stringify(pp.return(7)), JSON.stringify(pp.next()));
}
// round trip random data
let seed = 12345;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
function gen(d) {
  const r = rnd();
  if (d > 4 || r < 0.3) return [1, 'str', 'multi\nline', true, null, 3.5, '', ' lead', 'a: b', '- x', '#c'][Math.floor(rnd() * 11)];
  if (r < 0.65) { const a = []; const n = Math.floor(rnd() * 4); for (let i = 0; i < n; i++) a.push(gen(d + 1)); return a; }
  const o = {}; const n = Math.floor(rnd() * 4); for (let i = 0; i < n; i++) o['k' + i + (rnd() < 0.2 ? ' sp' : '')] = gen(d + 1); return o;
}
let ok = 0;
for (let i = 0; i < 300; i++) {
  const v = gen(0);
  const s = YAML.stringify(v, { indent: 1 + (i % 3) });
  const back = YAML.parse(s);
  if (JSON.stringify(back) === JSON.stringify(v)) ok++; else console.log('mismatch', s);
  if (i % 50 === 0) console.log(s);
}
console.log('roundtrip ok', ok);
const doc = YAML.parseDocument('a: [1, 2]\nb: {c: 3}\n');
YAML.visit(doc, { Scalar(key, node) { if (typeof node.value === 'number') node.value *= 10; }, Pair(k, p) { if (p.key && p.key.value === 'b') return YAML.visit.REMOVE; } });
console.log(String(doc));
