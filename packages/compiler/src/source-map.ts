/**
 * Source mappings inside lowered functions: every statement of the original
 * maps to where it went in the machine, token by token where its text
 * survived.
 *
 * ## Example
 * ```js
 * //  original                         lowered step function
 * //  const v = await load(id);   →    case 0: return $coro.awaitValue($frame, $frame.$task, load($frame.id), 1);
 * //  if (!v) throw new Error(id);     case 1: v = $value; if (!v) throw new Error($frame.id);
 * ```
 * The lowered `load`, `throw`, `new`, `Error` … map to their original line
 * and column, so a stack trace or a breakpoint lands on the original code.
 *
 * ## Implementation
 * Positions travel as data until emit writes text: `render` puts a
 * `SourcePosition` part (ir.ts) with the length of the slice before every
 * slice of source text it copies, and the build puts one (a point, no
 * length) where the engine reports a call it assembles from temporaries
 * (`build/call-position.ts`). Emit writes each as a position mark, two
 * private-use characters around the source offset and the slice's length,
 * and a point mark before the text of each instruction that came from the
 * source. The marks are zero-width data inside the text, so they stay where
 * they belong through every step that moves lowered text as a string (a
 * nested function's text inside its parent's, helpers hoisted to their
 * site, the splice into the file). magic-string splices and maps what it
 * left alone; then this module removes the marks and, on each line that had
 * one, adds a segment at every mark, and for a copied slice one per token of
 * the *original* slice, at its place in the copy: the copy is the same
 * text, so nothing is searched or guessed. A named mark
 * (`namedPositionMark`, at a step function's start) also puts the
 * function's name into the map's `names`: Node names a frame by the name
 * mapped at its function's start. An unmapped mark (`unmappedMark`) ends
 * the mapping before it: the text after it up to the next segment is the
 * compiler's own, with no original to point at. magic-string's own segments
 * on those lines move left by the width of the marks removed. A file whose text
 * already holds the mark character gets no marks (they could not be told
 * apart).
 *
 * ## References
 * Source Map Revision 3 (ECMA-426): `mappings`, segments of
 * [generated column, source, original line, original column].
 */
import type { SourceMapSegment } from 'magic-string';

const MARK = '\uE000';
const MARK_END = '\uE001';
const LENGTH_SEPARATOR = ':';
const NAME_SEPARATOR = ' ';
const UNMAPPED = '-';
/** A token of the original, as a debugger steps through them: a word, or one other character. */
const SOURCE_TOKEN = /[A-Za-z0-9_$]+|[^\sA-Za-z0-9_$]/g;

/** A point of the source; with `copied`, the start of that many characters of it copied as they stand. */
export function positionMark(offset: number, copied?: number): string {
  return MARK + offset + (copied === undefined ? '' : LENGTH_SEPARATOR + copied) + MARK_END;
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

/**
 * A mark after which the text maps to nothing: a wrapper's call into the
 * runtime. Its frame then shows where it stands in the generated file
 * instead of the declaration's line, a frame native code does not have.
 */
export function unmappedMark(): string {
  return MARK + UNMAPPED + MARK_END;
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
  const segmentAt = (column: number, offset: number | undefined, name?: string): SourceMapSegment => {
    if (offset === undefined) return [column];
    const { line, character } = lineAndColumnOf(offset);
    return name === undefined ? [column, 0, line, character] : [column, 0, line, character, nameIndex(name)];
  };
  const resolved: SourceMapSegment[][] = [];
  lines.forEach((raw, index) => {
    const segments = mappings[index] ?? [];
    if (!raw.includes(MARK)) {
      resolved.push(segments);
      return;
    }
    let clean = '';
    const removedBefore: { at: number; width: number }[] = [];
    const marks: { column: number; offset: number | undefined; copied: number | undefined; name: string | undefined }[] = [];
    let i = 0;
    while (i < raw.length) {
      const start = raw.indexOf(MARK, i);
      if (start < 0) {
        clean += raw.slice(i);
        break;
      }
      clean += raw.slice(i, start);
      const end = raw.indexOf(MARK_END, start);
      removedBefore.push({ at: start, width: end + 1 - start });
      marks.push({ column: clean.length, ...readMark(raw.slice(start + 1, end)) });
      i = end + 1;
    }
    // By generated column: a mark's own segment wins over a copied token's, and both over magic-string's.
    const byColumn = new Map<number, SourceMapSegment>();
    for (const segment of segments) {
      let shift = 0;
      for (const r of removedBefore) if (r.at < segment[0]) shift += r.width;
      byColumn.set(segment[0] - shift, [segment[0] - shift, ...segment.slice(1)] as SourceMapSegment);
    }
    for (const { column, offset: start, copied } of marks) {
      if (copied === undefined || start === undefined) continue;
      forEachSourceToken(source, start, copied, (offset) => byColumn.set(column + offset - start, segmentAt(column + offset - start, offset)));
    }
    for (const mark of marks) byColumn.set(mark.column, segmentAt(mark.column, mark.offset, mark.name));
    resolved.push([...byColumn.values()].sort((a, b) => a[0] - b[0]));
    lines[index] = clean;
  });
  return { code: lines.join('\n'), mappings: resolved, names: allNames };
}

function readMark(body: string): { offset: number | undefined; copied: number | undefined; name: string | undefined } {
  if (body === UNMAPPED) return { offset: undefined, copied: undefined, name: undefined };
  const named = body.indexOf(NAME_SEPARATOR);
  if (named >= 0) return { offset: Number(body.slice(0, named)), copied: undefined, name: body.slice(named + 1) };
  const copied = body.indexOf(LENGTH_SEPARATOR);
  if (copied >= 0) return { offset: Number(body.slice(0, copied)), copied: Number(body.slice(copied + 1)), name: undefined };
  return { offset: Number(body), copied: undefined, name: undefined };
}

/**
 * The start of each token of `source` from `start`, for `length` characters
 * or up to its first line break (a line break inside a copied slice is in a
 * literal, and what follows it stands on another generated line).
 */
function forEachSourceToken(source: string, start: number, length: number, found: (offset: number) => void): void {
  const lineBreak = source.indexOf('\n', start);
  const end = lineBreak >= 0 && lineBreak < start + length ? lineBreak : start + length;
  SOURCE_TOKEN.lastIndex = start;
  for (let m = SOURCE_TOKEN.exec(source); m && m.index < end; m = SOURCE_TOKEN.exec(source)) found(m.index);
}
