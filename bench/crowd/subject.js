'use strict';
// The rest of a program: many suspend functions of every kind, each called a
// few times before a crowded case is measured. Lowered by each variant as a
// case's subject is, so that every call site of the variant's runtime (the
// resumption of a frame, the await reactions, the async generator queue, the
// `yield*` forwarding) has seen many step functions and frame shapes before
// the workload runs, as in an application rather than a lone benchmark.
// Written so that every compiler of the bench lowers it: regenerator, without
// @babel/preset-env, refuses a for-of or `for await` loop around a suspension
// point, so those loops iterate by hand here.

const settled = Promise.resolve(3);

function* digits(n) { for (let i = 0; i < n; i++) yield i % 10; }
function* pairsOf(items) { for (let i = 0; i < items.length; i++) yield [items[i], items[i] * 2]; }
function* fibonacci(limit) { let a = 0, b = 1; while (a < limit) { yield a; [a, b] = [b, a + b]; } }
function* flatten(lists) { for (let i = 0; i < lists.length; i++) yield* lists[i]; }
function* guarded(n) { for (let i = 0; i < n; i++) { try { yield i; } finally { guarded.closed = (guarded.closed || 0) + 1; } } }
function* tokens(text) { let start = 0; for (let i = 0; i <= text.length; i++) { if (i === text.length || text[i] === ' ') { if (i > start) yield text.slice(start, i); start = i + 1; } } }
function* windowed(items, size) { for (let i = 0; i + size <= items.length; i++) yield items.slice(i, i + size); }
function* tree(node) { if (!node) return; yield* tree(node.left); yield node.value; yield* tree(node.right); }
function* takeWhile(source, keep) { const it = source[Symbol.iterator](); for (let r = it.next(); !r.done; r = it.next()) { if (!keep(r.value)) { it.return(); return; } yield r.value; } }
function* zip(a, b) { const left = a[Symbol.iterator](); const right = b[Symbol.iterator](); for (;;) { const x = left.next(); const y = right.next(); if (x.done || y.done) return; yield [x.value, y.value]; } }

async function loadUser(id) { const base = await settled; return { id, name: `user${id}`, score: base + id }; }
async function loadUsers(ids) { const users = []; for (let i = 0; i < ids.length; i++) users.push(await loadUser(ids[i])); return users; }
async function total(ids) { const users = await loadUsers(ids); let sum = 0; for (const user of users) sum += user.score; return sum; }
async function retry(attempts, work) { for (let k = 0; ; k++) { try { return await work(k); } catch (error) { if (k + 1 >= attempts) throw error; } } }
async function flaky(k) { await null; if (k < 2) throw new Error('not yet'); return k; }
async function withCleanup(value) { let log = 0; try { return await value; } finally { log++; } }
async function parallel(ids) { const results = await Promise.all(ids.map((id) => loadUser(id))); return results.length; }
async function nestedArrows(values) { const double = async (x) => (await x) * 2; let sum = 0; for (let i = 0; i < values.length; i++) sum += await double(values[i]); return sum; }
async function conditional(flag) { if (flag) return await settled; const other = await Promise.resolve(7); return other + 1; }
async function sequence(n) { let last = 0; for (let i = 0; i < n; i++) last = await Promise.resolve(last + i); return last; }

async function* ticks(n) { for (let i = 0; i < n; i++) yield i; }
async function* mapAsync(source, fn) { for (let r = await source.next(); !r.done; r = await source.next()) yield fn(r.value); }
async function* pages(count) { for (let page = 0; page < count; page++) { const items = await Promise.resolve([page, page + 1]); yield* items; } }
async function* merged(a, b) { yield* a; yield* b; }
async function* guardedTicks(n) { try { for (let i = 0; i < n; i++) yield await Promise.resolve(i); } finally { guardedTicks.closed = (guardedTicks.closed || 0) + 1; } }
async function* fromSync(items) { yield* items; }

class Repository {
  constructor(rows) { this.rows = rows; }
  *[Symbol.iterator]() { yield* this.rows; }
  *ids() { for (let i = 0; i < this.rows.length; i++) yield this.rows[i].id; }
  async find(id) { await null; return this.rows.find((row) => row.id === id); }
  async count() { let n = 0; for (let i = 0; i < this.rows.length; i++) { await null; n++; } return n; }
  async *stream() { for (let i = 0; i < this.rows.length; i++) yield await Promise.resolve(this.rows[i]); }
}

const handlers = {
  *lines(text) { yield* text.split('\n'); },
  async parse(text) { const source = await text; const lines = []; for (const line of this.lines(source)) lines.push(line.trim()); return lines; },
  async *chunks(text, size) { for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size); },
};

async function drain(source) { let count = 0; for (let r = await source.next(); !r.done; r = await source.next()) count++; return count; }

function sumOf(iterable) { let sum = 0; for (const value of iterable) sum += Array.isArray(value) ? value.length : typeof value === 'number' ? value : 1; return sum; }

async function exerciseOnce(round) {
  let sum = 0;
  sum += sumOf(digits(20)) + sumOf(pairsOf([1, 2, 3])) + sumOf(fibonacci(100)) + sumOf(flatten([[1, 2], [3]]));
  sum += sumOf(guarded(5)) + sumOf(tokens('a bb ccc dddd')) + sumOf(windowed([1, 2, 3, 4], 2));
  sum += sumOf(tree({ value: 2, left: { value: 1 }, right: { value: 3 } })) + sumOf(takeWhile(digits(20), (d) => d < 5));
  sum += sumOf(zip([1, 2, 3], digits(5)));
  const early = guarded(10); early.next(); early.return();
  sum += await total([1, 2, 3]) + await retry(3, flaky) + await withCleanup(settled) + await parallel([4, 5]);
  sum += await nestedArrows([1, 2, 3]) + await conditional(round % 2 === 0) + await sequence(4);
  sum += await drain(ticks(5)) + await drain(mapAsync(ticks(4), (x) => x + 1)) + await drain(pages(3));
  sum += await drain(merged(ticks(2), fromSync([1, 2]))) + await drain(guardedTicks(3));
  const stopped = guardedTicks(10); await stopped.next(); await stopped.return();
  const repository = new Repository([{ id: 1 }, { id: 2 }, { id: 3 }]);
  sum += sumOf(repository.ids()) + (await repository.find(2)).id + await repository.count() + await drain(repository.stream());
  sum += (await handlers.parse(Promise.resolve('a\n b\nc '))).length + await drain(handlers.chunks('abcdefgh', 3));
  return sum;
}

/** Calls every function above `rounds` times; resolves to a checksum. */
async function exercise(rounds = 200) {
  let checksum = 0;
  for (let round = 0; round < rounds; round++) checksum += await exerciseOnce(round);
  return checksum;
}

exports.exercise = exercise;
