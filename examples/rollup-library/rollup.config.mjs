// The library ships an ES module and a CommonJS build. Lowered code imports
// @coro/runtime; it stays external, a dependency the library's users install,
// so two libraries built with coro share one runtime.
import { rollup as coro } from '@coro/vite-plugin';

export default {
  input: 'src/index.js',
  external: ['@coro/runtime'],
  plugins: [coro()],
  output: [
    { file: 'dist/index.mjs', format: 'es', sourcemap: true },
    { file: 'dist/index.cjs', format: 'cjs', sourcemap: true },
  ],
};
