// A CSV reader built from generators: characters become fields, fields become
// rows, rows become typed records. Each stage pulls from the one before, so a
// file of any size is read in constant memory and a consumer can stop early.

export interface CsvOptions {
  delimiter: string;
  quote: string;
  trim: boolean;
  skipEmptyLines: boolean;
}

export type Field = { text: string; quoted: boolean; line: number };
export type Row = { line: number; fields: Field[] };

export class CsvSyntaxError extends SyntaxError {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(`${message} (line ${line}, column ${column})`);
  }
}

const DEFAULT_OPTIONS: CsvOptions = { delimiter: ',', quote: '"', trim: false, skipEmptyLines: true };

type FieldEvent = { kind: 'field'; field: Field } | { kind: 'end-of-row'; line: number };

export function* fieldEvents(text: string, options: CsvOptions = DEFAULT_OPTIONS): Generator<FieldEvent> {
  let line = 1;
  let column = 0;
  let index = 0;
  while (index <= text.length) {
    const start = line;
    let value = '';
    let quoted = false;
    if (text[index] === options.quote) {
      quoted = true;
      index++;
      column++;
      for (;;) {
        if (index >= text.length) throw new CsvSyntaxError('unterminated quoted field', start, column);
        const char = text[index];
        if (char === options.quote) {
          if (text[index + 1] === options.quote) {
            value += options.quote;
            index += 2;
            column += 2;
            continue;
          }
          index++;
          column++;
          break;
        }
        if (char === '\n') {
          line++;
          column = 0;
        } else {
          column++;
        }
        value += char;
        index++;
      }
    }
    while (index < text.length && text[index] !== options.delimiter && text[index] !== '\n' && text[index] !== '\r') {
      if (quoted) throw new CsvSyntaxError('text after a closing quote', line, column);
      value += text[index];
      index++;
      column++;
    }
    yield { kind: 'field', field: { text: options.trim && !quoted ? value.trim() : value, quoted, line: start } };
    if (index >= text.length) {
      yield { kind: 'end-of-row', line };
      return;
    }
    const separator = text[index];
    index++;
    column++;
    if (separator === '\r' && text[index] === '\n') index++;
    if (separator !== options.delimiter) {
      yield { kind: 'end-of-row', line };
      line++;
      column = 0;
      if (index === text.length) return;
    }
  }
}

export function* rows(text: string, options: Partial<CsvOptions> = {}): Generator<Row> {
  const merged = { ...DEFAULT_OPTIONS, ...options };
  let fields: Field[] = [];
  for (const event of fieldEvents(text, merged)) {
    if (event.kind === 'field') {
      fields.push(event.field);
      continue;
    }
    const empty = fields.length === 1 && fields[0].text === '' && !fields[0].quoted;
    if (!(empty && merged.skipEmptyLines)) yield { line: event.line, fields };
    fields = [];
  }
}

export type Converter<T> = (text: string, column: string, line: number) => T;

export const converters = {
  string: (text: string) => text,
  number(text: string, column: string, line: number): number {
    const value = Number(text);
    if (text.trim() === '' || Number.isNaN(value)) throw new CsvSyntaxError(`${column}: not a number: ${text}`, line, 0);
    return value;
  },
  boolean(text: string, column: string, line: number): boolean {
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === 'yes' || lower === '1') return true;
    if (lower === 'false' || lower === 'no' || lower === '0') return false;
    throw new CsvSyntaxError(`${column}: not a boolean: ${text}`, line, 0);
  },
  date(text: string, column: string, line: number): Date {
    const value = new Date(text);
    if (Number.isNaN(value.getTime())) throw new CsvSyntaxError(`${column}: not a date: ${text}`, line, 0);
    return value;
  },
};

export type Schema = Record<string, Converter<unknown>>;
export type RecordOf<S extends Schema> = { [K in keyof S]: ReturnType<S[K]> };

export function* records<S extends Schema>(text: string, schema: S, options?: Partial<CsvOptions>): Generator<RecordOf<S>> {
  const source = rows(text, options);
  const header = source.next();
  if (header.done) return;
  const columns = header.value.fields.map((field) => field.text);
  const missing = Object.keys(schema).filter((name) => !columns.includes(name));
  if (missing.length > 0) throw new CsvSyntaxError(`missing columns: ${missing.join(', ')}`, header.value.line, 0);
  for (const row of source) {
    if (row.fields.length !== columns.length) {
      throw new CsvSyntaxError(`expected ${columns.length} fields, found ${row.fields.length}`, row.line, 0);
    }
    const record: Record<string, unknown> = {};
    row.fields.forEach((field, position) => {
      const name = columns[position];
      const convert = schema[name];
      if (convert) record[name] = convert(field.text, name, row.line);
    });
    yield record as RecordOf<S>;
  }
}

export function* take<T>(source: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let taken = 0;
  for (const item of source) {
    yield item;
    if (++taken >= count) return;
  }
}

export function* groupBy<T, K>(source: Iterable<T>, keyOf: (item: T) => K): Generator<[K, T[]]> {
  let currentKey: K | undefined;
  let group: T[] = [];
  for (const item of source) {
    const key = keyOf(item);
    if (group.length > 0 && key !== currentKey) {
      yield [currentKey as K, group];
      group = [];
    }
    currentKey = key;
    group.push(item);
  }
  if (group.length > 0) yield [currentKey as K, group];
}

export function summarize(text: string): Map<string, { count: number; total: number }> {
  const schema = { region: converters.string, amount: converters.number, paid: converters.boolean };
  const totals = new Map<string, { count: number; total: number }>();
  for (const [region, sales] of groupBy(records(text, schema), (sale) => sale.region)) {
    const entry = totals.get(region) ?? { count: 0, total: 0 };
    for (const sale of sales) {
      if (!sale.paid) continue;
      entry.count++;
      entry.total += sale.amount;
    }
    totals.set(region, entry);
  }
  return totals;
}
