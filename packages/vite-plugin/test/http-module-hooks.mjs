/**
 * Module customization hooks that load `http:` modules with fetch, the way a
 * browser loads the modules a dev server serves.
 *
 * Example:
 *   register('./http-module-hooks.mjs', import.meta.url);
 *   await import('http://127.0.0.1:5173/src/main.ts');
 *   // main.ts, and /src/… and /@fs/… modules it imports, come from the server
 *
 * Implementation:
 *   A specifier inside an http module resolves against that module's URL
 *   (`/src/a.ts` becomes `http://host/src/a.ts`), as URLs do in a browser;
 *   everything else is left to node. What the server sends is evaluated as
 *   an ES module: a dev server serves JavaScript modules only. A response
 *   that is not 200 fails the import with the status and URL.
 *
 * References:
 *   https://nodejs.org/docs/latest-v20.x/api/module.html#resolvespecifier-context-nextresolve
 *   https://nodejs.org/docs/latest-v20.x/api/module.html#loadurl-context-nextload
 */
export async function resolve(specifier, context, nextResolve) {
  if (/^https?:/.test(specifier)) return { url: specifier, shortCircuit: true };
  if (context.parentURL !== undefined && /^https?:/.test(context.parentURL)) {
    return { url: new URL(specifier, context.parentURL).href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!/^https?:/.test(url)) return nextLoad(url, context);
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${response.statusText}`);
  return { format: 'module', source: await response.text(), shortCircuit: true };
}
