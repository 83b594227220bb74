import { Level, parseRecord } from './log-record';
import type { LogRecord } from './log-record';

export let skippedLines = 0;

/** The non-empty lines of `text`, one at a time. */
export function* lines(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '') yield line;
    start = end + 1;
  }
}

export function* records(source: Iterable<string>): Generator<LogRecord> {
  for (const line of source) {
    const record = parseRecord(line);
    if (record === undefined) skippedLines++;
    else yield record;
  }
}

export function* atLeast(level: Level, source: Iterable<LogRecord>): Generator<LogRecord> {
  for (const record of source) if (record.level >= level) yield record;
}

/** At most `count` items; the source is closed (its `finally` runs) when this stops early. */
export function* take<T>(count: number, source: Iterable<T>): Generator<T, number> {
  let taken = 0;
  if (count <= 0) return taken;
  for (const item of source) {
    yield item;
    if (++taken === count) break;
  }
  return taken;
}

export class Timeline {
  private readonly events: LogRecord[] = [];

  constructor(readonly name: string) {}

  add(record: LogRecord): this {
    this.events.push(record);
    return this;
  }

  /** Windows of `size` consecutive events, each as `[first.at, last.at]`. */
  *windows(size: number): Generator<[number, number]> {
    for (let i = 0; i + size <= this.events.length; i++) {
      yield [this.events[i].at, this.events[i + size - 1].at];
    }
  }
}
