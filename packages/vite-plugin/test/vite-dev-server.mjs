/**
 * Starts a Vite dev server on a free port for a test:
 * `node vite-dev-server.mjs <root>`.
 *
 * Example:
 *   node vite-dev-server.mjs /tmp/app
 *   // first line of stdout: {"url":"http://127.0.0.1:40123/"}
 *   // the server runs until stdin closes, then closes and exits
 *
 * Implementation:
 *   `createServer` with the project's own vite.config, `port: 0` so the
 *   system picks a free port (tests run in parallel), on the loopback
 *   address only. The URL is printed once the server listens; closing stdin
 *   (the test ending, or the test process dying) stops it.
 *
 * References:
 *   https://vite.dev/guide/api-javascript.html#createserver
 */
import { createServer } from 'vite';

const root = process.argv[2];
const server = await createServer({ root, logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: false } });
await server.listen();
process.stdout.write(`${JSON.stringify({ url: server.resolvedUrls.local[0] })}\n`);
process.stdin.on('end', () => server.close().then(() => process.exit(0)));
process.stdin.resume();
