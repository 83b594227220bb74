// p-map runs its mapper with async functions and iterates with an async
// generator (pMapIterable): concurrency limits, skips, errors with and without
// stopping, an async-iterable source closed early, and an abort, in
// promise-job order.
import pMap, { pMapIterable, pMapSkip } from 'p-map';
const log = (...a) => console.log(...a);
const ticks = async (n, v) => { for (let i = 0; i < n; i++) await null; return v; };
process.on('unhandledRejection', (e) => log('unhandled', e && e.message));
log(await pMap([5, 1, 3, 2, 4], async (x) => { log('start', x); await ticks(x); log('end', x); return x * 10; }, { concurrency: 2 }));
log(await pMap([1, 2, 3, 4], async (x) => (x === 2 ? pMapSkip : x), { concurrency: 3 }));
try { await pMap([1, 2, 3], async (x) => { await ticks(3 - x); if (x > 1) throw new Error('e' + x); return x; }, { concurrency: 3 }); } catch (e) { log('pMap err', e.message); }
try { await pMap([1, 2, 3], async (x) => { await ticks(3 - x); if (x > 1) throw new Error('e' + x); return x; }, { concurrency: 3, stopOnError: false }); } catch (e) { log('pMap agg', e.constructor.name, e.errors.map((x) => x.message)); }
async function* agen() { try { for (let i = 0; i < 6; i++) { log('agen', i); yield i; await ticks(1); } } finally { log('agen finally'); } }
log(await pMap(agen(), async (x) => { await ticks(6 - x); return x; }, { concurrency: 2 }));
for await (const v of pMapIterable(agen(), async (x) => { await ticks(4 - (x % 3)); log('mapped', x); return x * 2; }, { concurrency: 2, backpressure: 3 })) { log('pMapIterable', v); if (v === 6) break; }
const controller = new AbortController();
const aborted = pMap([1, 2, 3, 4], async (x) => { await ticks(5); return x; }, { concurrency: 1, signal: controller.signal });
await ticks(7);
controller.abort(new Error('stop'));
log('aborted', await aborted.catch((e) => e.message));
