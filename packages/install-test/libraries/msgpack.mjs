// @msgpack/msgpack decodes streams with async generators: chunked input,
// several values per stream, iteration left early, truncated and failing
// sources, and `return()` on a decoding iterator.
import { encode, decode, decodeAsync, decodeArrayStream, decodeMultiStream, Decoder, Encoder, decodeMulti, ExtensionCodec } from '@msgpack/msgpack';
const log = (...a) => console.log(...a);
const ticks = async (n, v) => { for (let i = 0; i < n; i++) await null; return v; };
const values = [1, -1, 1.5, 'str', 'ünï', null, true, [1, [2, [3]]], { a: 1, b: { c: [null] } }, new Uint8Array([1, 2, 3]), 2 ** 40, new Date(0), -(2 ** 31), 'x'.repeat(300)];
const ext = new ExtensionCodec();
ext.register({ type: 1, encode: v => v instanceof Set ? encode([...v]) : null, decode: d => new Set(decode(d)) });
for (const v of values) log(JSON.stringify(decode(encode(v))));
log(decode(encode(new Set([1, 2]), { extensionCodec: ext }), { extensionCodec: ext }));
const all = values.map(v => encode(v));
const bytes = new Uint8Array(all.reduce((n, b) => n + b.length, 0)); let off = 0; for (const b of all) { bytes.set(b, off); off += b.length; }
log([...decodeMulti(bytes)].length);
async function* chunks(buf, size, tag) { try { for (let i = 0; i < buf.length; i += size) { await ticks(1); yield buf.subarray(i, i + size); } } finally { log(tag, 'finally'); } }
log(JSON.stringify(await decodeAsync(chunks(encode({ big: values.slice(0, 9) }), 3, 'da'))));
for await (const v of decodeMultiStream(chunks(bytes, 7, 'dms'))) log('dms', JSON.stringify(v));
const arr = encode([1, 'two', { three: 3 }, [4], 5]);
for await (const v of decodeArrayStream(chunks(arr, 2, 'das'))) { log('das', v); if (v === 5) break; }
for await (const v of decodeMultiStream(chunks(bytes, 5, 'brk'))) { log('brk', v); if (v === 'str') break; }
try { await decodeAsync(chunks(new Uint8Array([0x92, 1]), 1, 'short')); } catch (e) { log('short', e.constructor.name, e.message); }
try { for await (const v of decodeMultiStream(chunks(new Uint8Array([1, 0xc1, 2]), 1, 'bad'))) log('bad', v); } catch (e) { log('bad err', e.constructor.name, e.message); }
try { await decodeAsync(chunks(new Uint8Array([1, 2]), 1, 'extra')); } catch (e) { log('extra', e.constructor.name, e.message); }
async function* throwing() { yield new Uint8Array([0x93, 1]); throw new Error('stream broke'); }
try { await decodeAsync(throwing()); } catch (e) { log('broke', e.message); }
const rs = new ReadableStream({ start(c) { c.enqueue(encode('from stream')); c.close(); } });
log(await decodeAsync(rs));
const d = new Decoder();
const it = d.decodeStream(chunks(bytes, 4, 'ds'));
log((await it.next()).value, (await it.next()).value, await it.return('early'), await it.next());
log(new Encoder({ sortKeys: true }).encode({ b: 1, a: 2 }));
