/**
 * The TypeScript a program printed as TypeScript carries (print.ts): what
 * the erasure removes and a compiler reading TypeScript must look through.
 *
 * ## Example
 * ```ts
 * async function* ag1<T, U extends object = {}>(p?: any): any {
 *   type T1 = { k: string } | number;
 *   const v1: any = (yield (later(p, 1) as any))!;
 *   log('ag1.0', pair<any>(<any>(v1), (1 satisfies unknown)));
 * }
 * ```
 *
 * ## Implementation
 * Each choice is drawn from a stream of the program's seed, so a seed prints
 * the same program every time. Every form erases to what it wraps, or to
 * nothing: assertions (`as`, `<T>x`, `!`, `satisfies`) around expressions
 * and assignment targets, annotations on bindings, parameters and results,
 * optional parameters, type parameters and arguments, accessibility
 * modifiers, and type aliases and interfaces as statements of a body. An
 * assertion always brings its own parentheses, so where it stands nothing
 * around it changes, and an expression that binds loosely is parenthesized
 * inside it.
 *
 * ## References
 * TypeScript's `transpileModule`, which both sides of the differential use to
 * erase the types (differential.ts).
 */
import { Random } from './random';

const SALT = 0x0e1a5e7;

export class TypeSyntax {
  private readonly rng: Random;
  private names = 0;
  /**
   * Above zero while printing the right operand of a `<` operator:
   * TypeScript reads `a < (c ? f<any>() : 0)` as the start of type arguments
   * of `a` and fails, so no `<T>` is written there (and the comparison is
   * parenthesized, print.ts, so that nothing after it counts either).
   */
  private afterLessThan = 0;

  constructor(seed: number) {
    this.rng = new Random(seed ^ SALT);
  }

  /** Now and then `text`, an expression that may stand in parentheses, in an assertion of TypeScript's. */
  assertion(text: string): string | undefined {
    if (!this.rng.chance(0.25)) return undefined;
    switch (this.rng.int(0, this.afterLessThan > 0 ? 2 : 3)) {
      case 0:
        return `(${text} as any)`;
      case 1:
        return `(${text})!`;
      case 2:
        return `(${text} satisfies unknown)`;
      default:
        return `(<any>(${text}))`;
    }
  }

  /** An identifier as an assignment target, now and then asserted (TypeScript erases `(x as any) = v` to `(x) = v`). */
  target(name: string): string {
    if (!this.rng.chance(0.2)) return name;
    return this.rng.chance(0.5) ? `(${name} as any)` : `${name}!`;
  }

  /** A property read, now and then with a non-null assertion. */
  nonNull(text: string): string {
    return this.rng.chance(0.3) ? `${text}!` : text;
  }

  /** `: type`, or nothing. */
  annotation(type = 'any'): string {
    return this.rng.chance(0.5) ? `: ${type}` : '';
  }

  /** A parameter: annotated, now and then optional. */
  parameter(name: string): string {
    return `${name}${this.rng.chance(0.2) ? '?' : ''}${this.annotation(this.rng.chance(0.5) ? 'any' : 'T | any')}`;
  }

  typeParameters(): string {
    return this.rng.chance(0.3) ? '<T, U extends object = {}>' : '';
  }

  typeArguments(): string {
    return this.rng.chance(0.3) && this.afterLessThan === 0 ? '<any>' : '';
  }

  /** What `print` writes, the right operand of a `<`, with no angle brackets of TypeScript's in it. */
  afterLessThanOperator(print: () => string): string {
    this.afterLessThan++;
    try {
      return print();
    } finally {
      this.afterLessThan--;
    }
  }

  /** `public ` or nothing, for a class method without a private name. */
  accessibility(): string {
    return this.rng.chance(0.3) ? 'public ' : '';
  }

  /** A type alias or an interface to open a body with, or nothing: statements that leave no code. */
  typeOnlyStatement(): { text: string; endsWithSemicolon: boolean } | undefined {
    if (!this.rng.chance(0.3)) return undefined;
    const n = this.names++;
    return this.rng.chance(0.5)
      ? { text: `type T${n} = { k: string } | number`, endsWithSemicolon: true }
      : { text: `interface I${n} { k?: string; m(): void }`, endsWithSemicolon: false };
  }
}
