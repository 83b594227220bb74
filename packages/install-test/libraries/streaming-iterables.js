// streaming-iterables is made of async generators: each helper over a source
// that logs its yields and its finally, concurrency whose order depends on how
// many promise jobs each await takes, early breaks and errors.
const si = require('streaming-iterables');
const log = (...a) => console.log(...a);
const sleep = async (n, v) => { for (let i = 0; i < n; i++) await null; return v; };
process.on('unhandledRejection', e => log('unhandled', e.message));
async function* src(n, tag = 's') {
  try {
    for (let i = 0; i < n; i++) { log(tag, 'yield', i); yield i; await null; }
  } finally { log(tag, 'finally'); }
}
function* syncSrc(n) { try { for (let i = 0; i < n; i++) yield i; } finally { log('sync finally'); } }
(async () => {
  log(await si.collect(si.map(x => x * 2, src(4))));
  log(await si.collect(si.filter(async x => x % 2, src(5))));
  log(await si.collect(si.take(2, src(10, 'take'))));
  log(si.collect(si.take(2, syncSrc(10))));
  log(await si.collect(si.batch(3, src(7, 'b'))));
  log(await si.collect(si.flatten([1, [2, [3, [4]]], 'ab'])));
  log(await si.collect(si.concat(src(2, 'c1'), syncSrc(2), [9])));
  log(await si.collect(si.takeWhile(x => x < 3, src(10, 'tw'))));
  log(await si.collect(si.drop(2, src(4, 'd'))));
  log(await si.collect(si.takeLast(2, src(4, 'tl'))));
  log(await si.reduce((a, b) => a + b, 0, src(5, 'r')));
  log(await si.collect(si.parallelMap(3, async x => { await sleep(10 - x * 2); log('pm', x); return x * x; }, src(5, 'pm'))));
  log(await si.collect(si.transform(3, async x => { await sleep(10 - x * 2); log('tr', x); return x; }, src(5, 'tr'))));
  log(await si.collect(si.merge(src(3, 'm1'), src(3, 'm2'), syncSrc(2))));
  log(await si.collect(si.parallelMerge(src(3, 'pm1'), src(3, 'pm2'))));
  log(await si.collect(si.flatMap(async x => x > 1 ? [x, x] : null, src(4, 'fm'))));
  log(await si.collect(si.flatTransform(2, async function* (x) { yield x; await sleep(1); yield -x; }, src(3, 'ft'))));
  log(await si.collect(si.parallelFlatMap(2, async x => [x, x + 10], src(3, 'pfm'))));
  log(await si.collect(si.tap(x => log('tap', x), src(2, 'tap'))));
  log(await si.collect(si.buffer(2, src(5, 'buf'))));
  // early break from a pipeline
  for await (const x of si.map(async x => x + 100, src(10, 'brk'))) { log('got', x); if (x === 102) break; }
  // errors
  async function* bad() { yield 1; throw new Error('boom'); }
  try { await si.collect(si.map(x => x, bad())); } catch (e) { log('caught', e.message); }
  try { await si.collect(si.parallelMap(2, async x => { if (x === 2) throw new Error('pm fail ' + x); await sleep(5); return x; }, src(6, 'pmerr'))); } catch (e) { log('caught', e.message); }
  try { await si.collect(si.transform(2, async x => { if (x === 1) throw new Error('tr fail'); return x; }, src(4, 'trerr'))); } catch (e) { log('caught', e.message); }
  const p = si.pipeline(() => src(6, 'pipe'), si.map(x => x * 3), si.filter(x => x % 2 === 0), si.batch(2));
  log(await si.collect(p));
  const it = si.map(x => x, src(5, 'ret'));
  log(await it.next(), await it.return('done'), await it.next());
  log(await si.consume(src(2, 'cons')));
  const { Readable } = require('stream');
  log(await si.collect(si.fromStream(Readable.from(['a', 'b', 'c']))));
  const gi = si.getIterator([1, 2]); log(typeof gi.next);
})().catch(e => log('top', e));
