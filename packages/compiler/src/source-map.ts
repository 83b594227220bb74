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
  const resolved: SourceMapSegment[][] = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index];
    const segments = mappings[index] ?? [];
    let start = raw.indexOf(MARK);
    if (start < 0) {
      resolved.push(segments);
      continue;
    }
    let clean = '';
    // Where each mark stood in `raw`, and how wide it was.
    const removedAt: number[] = [];
    const removedWidth: number[] = [];
    const marks: Mark[] = [];
    let i = 0;
    for (; start >= 0; start = raw.indexOf(MARK, i)) {
      clean += raw.slice(i, start);
      const end = raw.indexOf(MARK_END, start);
      removedAt.push(start);
      removedWidth.push(end + 1 - start);
      marks.push(readMark(raw, start + 1, end, clean.length));
      i = end + 1;
    }
    clean += raw.slice(i);
    // By generated column, the last one set winning: a mark's own segment over a copied token's, both over
    // magic-string's. All go in that order into one list, sorted by column (a stable sort) and kept last per column.
    const all: SourceMapSegment[] = [];
    for (const segment of segments) {
      let shift = 0;
      for (let r = 0; r < removedAt.length && removedAt[r] < segment[0]; r++) shift += removedWidth[r];
      const moved = segment.slice() as SourceMapSegment;
      moved[0] -= shift;
      all.push(moved);
    }
    for (const mark of marks) {
      if (mark.copied !== undefined && mark.offset !== undefined) pushTokenSegments(source, mark.offset, mark.copied, mark.column, lineAndColumnOf, all);
    }
    for (const mark of marks) all.push(markSegment(mark, lineAndColumnOf, nameIndex));
    all.sort((a, b) => a[0] - b[0]);
    const kept: SourceMapSegment[] = [];
    for (let k = 0; k < all.length; k++) if (k + 1 === all.length || all[k + 1][0] !== all[k][0]) kept.push(all[k]);
    resolved.push(kept);
    lines[index] = clean;
  }
  return { code: lines.join('\n'), mappings: resolved, names: allNames };
}

/** A mark read from the output, and the column of the clean text it stands at. */
interface Mark {
  readonly column: number;
  readonly offset: number | undefined;
  readonly copied: number | undefined;
  readonly name: string | undefined;
}

/** The mark whose body is `raw` from `start` to `end`. */
function readMark(raw: string, start: number, end: number, column: number): Mark {
  const body = raw.slice(start, end);
  if (body === UNMAPPED) return { column, offset: undefined, copied: undefined, name: undefined };
  const named = body.indexOf(NAME_SEPARATOR);
  if (named >= 0) return { column, offset: Number(body.slice(0, named)), copied: undefined, name: body.slice(named + 1) };
  const copied = body.indexOf(LENGTH_SEPARATOR);
  if (copied >= 0) return { column, offset: Number(body.slice(0, copied)), copied: Number(body.slice(copied + 1)), name: undefined };
  return { column, offset: Number(body), copied: undefined, name: undefined };
}

function markSegment(mark: Mark, lineAndColumnOf: (offset: number) => { line: number; character: number }, nameIndex: (name: string) => number): SourceMapSegment {
  if (mark.offset === undefined) return [mark.column];
  const { line, character } = lineAndColumnOf(mark.offset);
  return mark.name === undefined ? [mark.column, 0, line, character] : [mark.column, 0, line, character, nameIndex(mark.name)];
}

/**
 * A segment for each token of a slice copied from `start` of the source to
 * `column` of the line, for `length` characters or up to its first line
 * break (a line break inside a copied slice is in a literal, and what
 * follows it stands on another generated line). The tokens thus stand on
 * one line of the source, whose line and column are looked up once for the
 * slice, not per token, unless the slice holds a line terminator other than
 * LF (the source's line numbering counts those).
 */
function pushTokenSegments(
  source: string,
  start: number,
  length: number,
  column: number,
  lineAndColumnOf: (offset: number) => { line: number; character: number },
  into: SourceMapSegment[],
): void {
  const lineBreak = source.indexOf('\n', start);
  const end = lineBreak >= 0 && lineBreak < start + length ? lineBreak : start + length;
  const first = OTHER_LINE_TERMINATOR.test(source.slice(start, end)) ? undefined : lineAndColumnOf(start);
  SOURCE_TOKEN.lastIndex = start;
  for (let m = SOURCE_TOKEN.exec(source); m && m.index < end; m = SOURCE_TOKEN.exec(source)) {
    const offset = m.index;
    const { line, character } = first ? { line: first.line, character: first.character + offset - start } : lineAndColumnOf(offset);
    into.push([column + offset - start, 0, line, character]);
  }
}

const OTHER_LINE_TERMINATOR = /[\r\u2028\u2029]/;
