// A program with every kind of suspend function: a generator, async
// functions that await once and more than once, and an async generator read
// by `for await`.
export function* range(start, end) {
  for (let i = start; i < end; i++) yield i;
}

export async function fetchJson(fetch, url) {
  const response = await fetch(url);
  return await response.json();
}

export async function* pages(fetch, url) {
  while (url) {
    const page = await fetchJson(fetch, url);
    yield page.items;
    url = page.next;
  }
}

export async function countItems(fetch, url) {
  let count = 0;
  for await (const items of pages(fetch, url)) count += items.length;
  return count;
}
