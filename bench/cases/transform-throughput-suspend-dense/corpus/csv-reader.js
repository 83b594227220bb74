// A CSV reader: characters to fields to records to typed rows, one generator
// per stage, and an async variant that reads chunks as they arrive.
'use strict';

function* fields(line, separator) {
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === separator) {
      yield field;
      field = '';
    } else {
      field += ch;
    }
  }
  yield field;
}

function* records(text, separator) {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    yield Array.from(fields(lines[i], separator));
  }
}

function* rows(text, separator, types) {
  const all = records(text, separator);
  const header = all.next();
  if (header.done) return 0;
  let count = 0;
  for (let step = all.next(); !step.done; step = all.next()) {
    const row = {};
    for (let c = 0; c < header.value.length; c++) {
      const raw = step.value[c];
      const type = types[header.value[c]];
      row[header.value[c]] = type === 'number' ? Number(raw) : type === 'boolean' ? raw === 'true' : raw;
    }
    count++;
    yield row;
  }
  return count;
}

async function* linesOf(chunks) {
  let rest = '';
  for (let step = await chunks.next(); !step.done; step = await chunks.next()) {
    const parts = (rest + step.value).split('\n');
    rest = parts.pop();
    for (let i = 0; i < parts.length; i++) yield parts[i];
  }
  if (rest !== '') yield rest;
}

async function* asyncRows(chunks, separator) {
  const lines = linesOf(chunks);
  const first = await lines.next();
  if (first.done) return;
  const header = Array.from(fields(first.value, separator));
  for (let step = await lines.next(); !step.done; step = await lines.next()) {
    const values = Array.from(fields(step.value, separator));
    const row = {};
    for (let c = 0; c < header.length; c++) row[header[c]] = values[c];
    yield row;
  }
}

async function importRows(chunks, insert) {
  let inserted = 0;
  const all = asyncRows(chunks, ',');
  for (let step = await all.next(); !step.done; step = await all.next()) {
    await insert(step.value);
    inserted++;
  }
  return inserted;
}

module.exports = { fields, records, rows, linesOf, asyncRows, importRows };
