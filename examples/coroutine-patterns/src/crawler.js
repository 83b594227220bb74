"use coroutine";
// A crawler against a local fake server: a pool of three workers takes URLs
// from one channel, at most one request starts every 20 ms (a rate limit
// shared by the workers), links found go back into the channel. A page that
// takes longer than a second is skipped (its fetch is cancelled), and a
// global timeout would cancel the whole crawl, fetches included, after 10 s.
import { createServer } from 'node:http';
import { channel, currentTask, delay, scope, withTimeoutOrUndefined } from '@coro/runtime/coroutines';

const site = {
  '/': ['/a', '/b', '/c'],
  '/a': ['/a/1', '/a/2'],
  '/b': ['/'],
  '/c': ['/slow'],
  '/a/1': [],
  '/a/2': ['/b'],
};

function startFakeServer() {
  const server = createServer((request, response) => {
    const links = site[request.url];
    // /slow never answers: only the global timeout ends the crawl's wait for it.
    if (request.url === '/slow') return;
    response.writeHead(links ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(links ?? []));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function rateLimiter(tickets, everyMs) {
  for (;;) {
    await tickets.send('go');
    await delay(everyMs);
  }
}

async function fetchLinks(url) {
  const response = await fetch(url, { signal: currentTask().signal });
  return await response.json();
}

async function worker(base, queue, tickets, crawl) {
  for await (const path of queue) {
    await tickets.receive();
    const links = await withTimeoutOrUndefined(1000, () => fetchLinks(base + path));
    if (links === undefined) crawl.skipped.push(path);
    else crawl.visited.push(path);
    for (const link of links ?? []) {
      if (crawl.seen.has(link)) continue;
      crawl.seen.add(link);
      crawl.pending++;
      await queue.send(link);
    }
    // The last page in flight is done and queued no other: nothing can come any more.
    if (--crawl.pending === 0) queue.close();
  }
}

export async function main() {
  const server = await startFakeServer();
  const base = `http://127.0.0.1:${server.address().port}`;
  const crawl = { seen: new Set(['/']), pending: 1, visited: [], skipped: [] };
  const finished = await withTimeoutOrUndefined(10_000, () => scope(async (s) => {
    const queue = channel(Infinity);
    const tickets = channel(0);
    const limiter = s.launch(() => rateLimiter(tickets, 20));
    await queue.send('/');
    await scope(async (workers) => {
      for (let i = 0; i < 3; i++) workers.launch(() => worker(base, queue, tickets, crawl));
    });
    limiter.cancel();
    return true;
  }));
  server.close();
  server.closeAllConnections();
  console.log('crawl finished in time:', finished === true);
  console.log('visited:', crawl.visited.sort().join(' '));
  console.log('skipped:', crawl.skipped.join(' '));
}
