/**
 * Source mappings inside lowered functions: every statement of the original
 * maps to where it went in the machine, token by token where its text
 * survived.
 *
 * ## Example
 * ```js
 * //  original                         lowered step function
 * //  const v = await load(id);   →    case 0: $frame.$state = 1; return $coro.awaitValue($frame, load($frame.id));
 * //  if (!v) throw new Error(id);     case 1: v = $value; if (!v) throw new Error($frame.id);
 * ```
 * The lowered `load`, `throw`, `new`, `Error` … map to their original line
 * and column, so a stack trace or a breakpoint lands on the original code.
 *
 * ## Implementation
 * Positions travel as data until emit writes text: `render` puts a
 * `SourcePosition` part (ir.ts) before every slice of source text it copies,
 * and the build puts one where the engine reports a call it assembles from
 * temporaries (`build/call-position.ts`). `emit` writes a position mark (two
 * private-use characters around a source offset) for each of them and before
 * the text of each instruction that came from the source, and a
 * continuation mark after each line break inside that text. magic-string
 * splices the lowered text in and maps what it left alone; then this module
 * removes the marks and, on each line that had one, adds a segment at the
 * mark and one per token that can be found, in order, in the original text
 * after it (a short look-ahead skips what the lowering replaced, such as
 * `x` becoming `$frame.x`; a slice's own mark restarts the search where the
 * slice stands, so the machine's text before it cannot lead it astray), over
 * the original's tokens scanned once from where the search started
 * (`SourceTokens`), not re-scanned per token: a lowered function has as many
 * look-ups as tokens. A named mark (`namedPositionMark`, at a step function's
 * start) also puts the function's name into the map's `names`: Node names a
 * frame by the name mapped at its function's start. magic-string's own
 * segments on those lines move left by the width of the marks removed. A file whose text already holds
 * the mark character gets no marks (they could not be told apart).
 *
 * ## References
 * Source Map Revision 3 (ECMA-426): `mappings`, segments of
 * [generated column, source, original line, original column].
 */
import type { SourceMapSegment } from 'magic-string';

const MARK = '\uE000';
const MARK_END = '\uE001';
const CONTINUATION = MARK + '+' + MARK_END;
const NAME_SEPARATOR = ' ';
/** Tokens looked ahead in the original for a generated token before giving it up as new text. */
const LOOK_AHEAD = 12;
const TOKEN = /[A-Za-z0-9_$]+|[^\sA-Za-z0-9_$]/g;

export function positionMark(offset: number): string {
  return MARK + offset + MARK_END;
}

/**
 * A mark whose mapping also carries `name`: at the start of a step function,
 * the name of the function it runs. Node (`--enable-source-maps`) prints a
 * frame under the name mapped at its function's start, so a frame of
 * `f$step` reads `at f`, as native prints it.
 */
export function namedPositionMark(offset: number, name: string): string {
  return MARK + offset + NAME_SEPARATOR + name + MARK_END;
}

/** `text` of an instruction from `offset`, marked for `resolvePositionMarks`. */
export function markedText(text: string, offset: number | undefined): string {
  if (offset === undefined) return text;
  return positionMark(offset) + text.replace(/\n/g, '\n' + CONTINUATION);
}

export function canMark(source: string): boolean {
  return !source.includes(MARK);
}

export interface ResolvedMarks {
  readonly code: string;
  readonly mappings: SourceMapSegment[][];
  /** The map's `names`: magic-string's, then those of named marks. */
  readonly names: string[];
}

/**
 * Removes every mark from `code` and merges the statement mappings they
 * stand for into `mappings` (magic-string's, one entry per output line).
 */
export function resolvePositionMarks(
  code: string,
  mappings: SourceMapSegment[][],
  names: readonly string[],
  source: string,
  lineAndColumnOf: (offset: number) => { line: number; character: number },
): ResolvedMarks {
  const lines = code.split('\n');
  const allNames = [...names];
  const nameIndex = (name: string): number => {
    const known = allNames.indexOf(name);
    return known >= 0 ? known : allNames.push(name) - 1;
  };
  const sourceTokens = new SourceTokens(source);
  const resolved: SourceMapSegment[][] = [];
  let cursor: number | undefined;
  lines.forEach((raw, index) => {
    const segments = mappings[index] ?? [];
    if (!raw.includes(MARK)) {
      resolved.push(segments);
      return;
    }
    let clean = '';
    const removedBefore: { at: number; width: number }[] = [];
    const pieces: { column: number; offset: number | undefined; name: string | undefined; end: number }[] = [];
    let i = 0;
    while (i < raw.length) {
      const start = raw.indexOf(MARK, i);
      if (start < 0) {
        clean += raw.slice(i);
        break;
      }
      clean += raw.slice(i, start);
      const end = raw.indexOf(MARK_END, start);
      const body = raw.slice(start + 1, end);
      removedBefore.push({ at: start, width: end + 1 - start });
      if (pieces.length) pieces[pieces.length - 1].end = clean.length;
      const named = body.indexOf(NAME_SEPARATOR);
      const offset = body === '+' ? undefined : Number(named < 0 ? body : body.slice(0, named));
      pieces.push({ column: clean.length, offset, name: named < 0 ? undefined : body.slice(named + 1), end: -1 });
      i = end + 1;
    }
    // By generated column; a mark's own segment wins over a token's, and both over magic-string's.
    const byColumn = new Map<number, SourceMapSegment>();
    for (const segment of segments) {
      let shift = 0;
      for (const r of removedBefore) if (r.at < segment[0]) shift += r.width;
      byColumn.set(segment[0] - shift, [segment[0] - shift, ...segment.slice(1)] as SourceMapSegment);
    }
    const marked = new Set<number>();
    for (const piece of pieces) {
      const end = piece.end < 0 ? clean.length : piece.end;
      if (piece.offset !== undefined) {
        cursor = piece.offset;
        const { line, character } = lineAndColumnOf(cursor);
        byColumn.set(piece.column, piece.name === undefined ? [piece.column, 0, line, character] : [piece.column, 0, line, character, nameIndex(piece.name)]);
        marked.add(piece.column);
      }
      if (cursor === undefined) continue;
      const tokens: SourceMapSegment[] = [];
      cursor = alignTokens(clean.slice(piece.column, end), piece.column, cursor, sourceTokens, lineAndColumnOf, tokens);
      for (const segment of tokens) if (!marked.has(segment[0])) byColumn.set(segment[0], segment);
    }
    resolved.push([...byColumn.values()].sort((a, b) => a[0] - b[0]));
    lines[index] = clean;
  });
  return { code: lines.join('\n'), mappings: resolved, names: allNames };
}

/** Maps each token of `text` found ahead of `cursor` in `source`; returns where the search goes on. */
function alignTokens(
  text: string,
  column: number,
  cursor: number,
  sourceTokens: SourceTokens,
  lineAndColumnOf: (offset: number) => { line: number; character: number },
  out: SourceMapSegment[],
): number {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    // The machine's own names ($frame, $coro, $value …) never come from the source.
    if (m[0][0] === '$') continue;
    const found = sourceTokens.find(m[0], cursor);
    if (found === undefined) continue;
    const { line, character } = lineAndColumnOf(found);
    out.push([column + m.index, 0, line, character]);
    cursor = found + m[0].length;
  }
  return cursor;
}

/**
 * The original's tokens from where a search last started, scanned once and
 * kept: the searches of one function move forward through the original, so
 * each generated token looks ahead by index instead of re-scanning the text.
 * A search before that start, or past the scanned part, starts a new scan.
 */
class SourceTokens {
  private starts: number[] = [];
  private texts: string[] = [];
  private readonly scan = new RegExp(TOKEN.source, 'g');
  private scannedFrom = 0;
  private scannedTo = -1;
  private exhausted = false;

  constructor(private readonly source: string) {}

  /**
   * Where `token` is among the next `LOOK_AHEAD` tokens of a scan that
   * starts at `from`: a node's position or the end of a token found, never
   * inside a word, so the scan from there meets the tokens kept.
   */
  find(token: string, from: number): number | undefined {
    if (from < this.scannedFrom || from > this.scannedTo) this.restartAt(from);
    let index = this.firstStartingAtOrAfter(from);
    for (let looked = 0; looked < LOOK_AHEAD; looked++, index++) {
      if (index === this.starts.length && !this.scanNext()) return undefined;
      if (this.texts[index] === token) return this.starts[index];
    }
    return undefined;
  }

  private restartAt(offset: number): void {
    this.starts = [];
    this.texts = [];
    this.scannedFrom = offset;
    this.scannedTo = offset;
    this.exhausted = false;
    this.scan.lastIndex = offset;
  }

  private scanNext(): boolean {
    if (this.exhausted) return false;
    const m = this.scan.exec(this.source);
    if (!m) {
      this.exhausted = true;
      this.scannedTo = this.source.length;
      return false;
    }
    this.starts.push(m.index);
    this.texts.push(m[0]);
    this.scannedTo = this.scan.lastIndex;
    return true;
  }

  private firstStartingAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
