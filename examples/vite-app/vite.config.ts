// coro runs first (`enforce: 'pre'`), on the TypeScript as written; Vite then
// removes the types and bundles the lowered modules with @coro/runtime.
import { defineConfig } from 'vite';
import coro from '@coro/vite-plugin';

export default defineConfig({
  plugins: [coro()],
  build: { sourcemap: true },
});
