// Rollup needs node-resolve to find 'teaflow' in node_modules; the backends become chunks of
// their own, and the package.json script copies teaflow.wasm beside them.
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'src/main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve()],
};
