/**
 * The ways one test is run: strict and sloppy script, or module.
 *
 * ## Example
 *
 * ```ts
 * modesOf({ flags: [] })              // ['strict', 'sloppy']
 * modesOf({ flags: ['onlyStrict'] })  // ['strict']
 * modesOf({ flags: ['raw'] })         // ['sloppy']   (and no harness, see execution.ts)
 * modesOf({ flags: ['module'] })      // ['module']
 * prepareSource('f();', 'strict')     // '"use strict";\nf();'
 * ```
 *
 * ## Implementation
 *
 * A test runs once per mode, natively and lowered, and each mode is counted
 * on its own: a test that the lowering breaks only in sloppy code is one
 * failure, listed as `<path> sloppy` in the expectations.
 *
 * ## References
 *
 * test262 INTERPRETING.md, "Strict Mode" and the `flags` metadata.
 */
import type { FrontMatter } from './front-matter';

export type Mode = 'strict' | 'sloppy' | 'module';

export const MODES: readonly Mode[] = ['strict', 'sloppy', 'module'];

export function modesOf(frontMatter: Pick<FrontMatter, 'flags'>): Mode[] {
  const flags = frontMatter.flags;
  if (flags.includes('module')) return ['module'];
  if (flags.includes('raw') || flags.includes('noStrict')) return ['sloppy'];
  if (flags.includes('onlyStrict')) return ['strict'];
  return ['strict', 'sloppy'];
}

/** The source text a mode runs: strict runs get the directive INTERPRETING.md prescribes, nothing else changes. */
export function prepareSource(source: string, mode: Mode): string {
  return mode === 'strict' ? `"use strict";\n${source}` : source;
}
