/**
 * The constructs a fuzz run can be told never to generate, to look past a
 * known bug while it is being fixed (`--exclude` of scripts/fuzz.js).
 *
 * ## Example
 * ```ts
 * generateProgram(seed, { exclude: ['methods'] });   // no object, class, static or private methods
 * Object.keys(EXCLUDABLE_CONSTRUCTS);                 // what --exclude accepts, with a line of help each
 * ```
 *
 * ## Implementation
 * One table, read by the program generator (program.ts), the consumer
 * generator (consumers.ts) and the command line; excluding a construct
 * changes what a seed generates.
 */

export const EXCLUDABLE_CONSTRUCTS = {
  asyncYieldStar: '`yield*` in async generators',
  asyncReturnRequest: '`return()` requests to async generators and early exits from `for await` consumers',
  methods: 'functions as object, class, static and private methods',
  suspendingSwitch: 'a `yield` or `await` in the discriminant of a `switch`',
  nestedFunctions:
    'functions nested in a suspend function that read its `this`/`arguments` from a holder of their own, write its constants, or close over a loop iteration (methods and block declarations)',
} as const;

export type ExcludableConstruct = keyof typeof EXCLUDABLE_CONSTRUCTS;
