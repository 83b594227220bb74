// A tree that is iterable: the generator method hands each subtree's walk to `yield*`.

export class Tree<T> implements Iterable<T> {
  constructor(
    readonly value: T,
    readonly children: Tree<T>[] = [],
  ) {}

  *[Symbol.iterator](): Generator<T> {
    yield this.value;
    for (const child of this.children) yield* child;
  }

  /** Each value with its depth, as `depth:value`. */
  *outline(depth = 0): Generator<string> {
    yield `${depth}:${String(this.value)}`;
    for (const child of this.children) yield* child.outline(depth + 1);
  }
}
