// A lexer and a recursive-descent reader written as generators: each token
// is yielded as soon as it is read, and the reader pulls them one by one.
'use strict';

const PUNCTUATION = '()[]{},:;+-*/=<>!';

function* characters(text) {
  let line = 1;
  let column = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    yield { ch, line, column };
    if (ch === '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
}

function* tokens(text) {
  const source = characters(text);
  let current = source.next();
  while (!current.done) {
    const at = current.value;
    const ch = at.ch;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      current = source.next();
      continue;
    }
    if (PUNCTUATION.indexOf(ch) >= 0) {
      yield { kind: 'punctuation', text: ch, line: at.line, column: at.column };
      current = source.next();
      continue;
    }
    let word = '';
    while (!current.done && current.value.ch !== ' ' && current.value.ch !== '\n' && PUNCTUATION.indexOf(current.value.ch) < 0) {
      word += current.value.ch;
      current = source.next();
    }
    const kind = /^[0-9]/.test(word) ? 'number' : 'identifier';
    yield { kind, text: word, line: at.line, column: at.column };
  }
  yield { kind: 'end', text: '', line: -1, column: -1 };
}

function* statements(text) {
  const stream = tokens(text);
  let buffer = [];
  let depth = 0;
  for (let step = stream.next(); !step.done; step = stream.next()) {
    const token = step.value;
    if (token.kind === 'end') break;
    if (token.text === '{' || token.text === '(') depth++;
    if (token.text === '}' || token.text === ')') depth--;
    if (token.text === ';' && depth === 0) {
      yield buffer;
      buffer = [];
    } else {
      buffer.push(token);
    }
  }
  if (buffer.length > 0) yield buffer;
}

function* identifiers(text) {
  const seen = new Set();
  const all = statements(text);
  for (let step = all.next(); !step.done; step = all.next()) {
    const statement = step.value;
    for (let i = 0; i < statement.length; i++) {
      const token = statement[i];
      if (token.kind !== 'identifier' || seen.has(token.text)) continue;
      seen.add(token.text);
      yield token.text;
    }
  }
}

module.exports = { characters, tokens, statements, identifiers };
