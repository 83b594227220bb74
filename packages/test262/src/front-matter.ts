/**
 * A test's front matter: the YAML between `/*---` and `---*\/`.
 *
 * ## Example
 *
 * ```ts
 * readFrontMatter('/*---\nflags: [async, onlyStrict]\nfeatures: [async-iteration]\n---*\/\n…')
 * // → { flags: ['async', 'onlyStrict'], features: ['async-iteration'], includes: [], negative: undefined }
 * ```
 *
 * ## Implementation
 *
 * Parsed with the `yaml` package: the front matter is real YAML (block
 * lists, folded descriptions, quoted strings), and a hand-made reader of
 * `key: [a, b]` lines would miss the block-list form some tests use. Only
 * the keys that decide how a test runs are kept.
 *
 * ## References
 *
 * test262 INTERPRETING.md, "Metadata".
 */
import { parse } from 'yaml';

export type NegativePhase = 'parse' | 'resolution' | 'runtime';

export interface FrontMatter {
  readonly flags: readonly string[];
  readonly features: readonly string[];
  readonly includes: readonly string[];
  /** Set for a negative test: the phase its error belongs to and the error constructor's name. */
  readonly negative: { readonly phase: NegativePhase; readonly type: string } | undefined;
}

const OPENING = '/*---';
const CLOSING = '---*/';

/** Reads the front matter of a test's source; a test without one has none of the keys. */
export function readFrontMatter(source: string): FrontMatter {
  const start = source.indexOf(OPENING);
  const end = start < 0 ? -1 : source.indexOf(CLOSING, start);
  // The yaml package takes a lone CR for no line break; tests of line terminators end their front matter's lines with it.
  const text = end < 0 ? '' : source.slice(start + OPENING.length, end).replace(/\r\n?/g, '\n');
  const fields: Record<string, unknown> = parse(text) ?? {};
  const negative = fields.negative as { phase?: unknown; type?: unknown } | undefined;
  return {
    flags: stringList(fields.flags),
    features: stringList(fields.features),
    includes: stringList(fields.includes),
    negative:
      negative === undefined || negative === null
        ? undefined
        : { phase: String(negative.phase) as NegativePhase, type: String(negative.type) },
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
