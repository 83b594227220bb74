"use coroutine";
// A small crawler written with coroutines. Every async function of this file
// is a coroutine (the directive above): calling one returns a Task that runs
// on coro's scheduler, can be cancelled, and lives inside the task that
// started it.
import { scope, delay, withTimeoutOrUndefined, dump, formatDump, CancellationError, type Task } from '@coro/runtime/coroutines';

interface Page {
  readonly url: string;
  readonly links: readonly string[];
  readonly latency: number;
}

const SITE: Record<string, Page> = {
  '/': { url: '/', links: ['/docs', '/blog', '/slow'], latency: 20 },
  '/docs': { url: '/docs', links: ['/docs/api', '/docs/guide'], latency: 30 },
  '/docs/api': { url: '/docs/api', links: [], latency: 10 },
  '/docs/guide': { url: '/docs/guide', links: ['/'], latency: 15 },
  '/blog': { url: '/blog', links: ['/blog/1'], latency: 25 },
  '/blog/1': { url: '/blog/1', links: [], latency: 5 },
  '/slow': { url: '/slow', links: [], latency: 10_000 },
};

async function fetchPage(url: string): Promise<Page> {
  const page = SITE[url];
  try {
    await delay(page.latency);
    return page;
  } catch (error) {
    if (error instanceof CancellationError) console.log(`  fetch ${url}: cancelled (${String(error.reason)})`);
    throw error;
  }
}

/** Fetches `url` with a deadline: a page slower than 100 ms is skipped, its fetch cancelled. */
async function fetchOrSkip(url: string): Promise<Page | undefined> {
  const page = await withTimeoutOrUndefined(100, () => fetchPage(url));
  if (page === undefined) console.log(`  ${url}: timed out, skipped`);
  return page;
}

/** Visits every page reachable from `start`, each level's pages fetched concurrently. */
async function crawl(start: string): Promise<string[]> {
  const seen = new Set<string>([start]);
  let level = [start];
  while (level.length > 0) {
    const pages = await scope(async (s) => {
      const tasks: Task<Page | undefined>[] = level.map((url) => s.launch(() => fetchOrSkip(url)));
      if (level.includes('/slow')) {
        await delay(50);
        console.log('while /slow is pending, the live tasks are:');
        console.log(formatDump(dump()).replace(/\d+ ms/g, 'N ms').replace(/\S+\/src\/main\.ts/g, 'src/main.ts'));
      }
      const found: Page[] = [];
      for (const task of tasks) {
        const page = await task;
        if (page) found.push(page);
      }
      return found;
    });
    level = [];
    for (const page of pages) {
      console.log(`visited ${page.url}`);
      for (const link of page.links) if (!seen.has(link)) seen.add(link), level.push(link);
    }
  }
  return [...seen];
}

async function main(): Promise<void> {
  const pages = await crawl('/');
  console.log(`crawled ${pages.length} pages`);

  // Cancelling a crawl from outside: its fetches are cancelled first, then the crawl itself.
  const stopped = crawl('/');
  await delay(10);
  stopped.cancel('shutting down');
  try {
    await stopped;
  } catch (error) {
    console.log(`second crawl: ${stopped.state} (${(error as Error).message})`);
  }
}

main();
