/**
 * Vite build of the web studio: `npm run build:web` → web/dist (git-ignored), served by
 * `colorize studio`. The bundle may import only browser-safe library code; the guard below fails
 * the build if anything reaches Node-only modules (image/io.ts, sharp, onnxruntime-node, node:*).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

function browserSafeOnly(): Plugin {
  const banned = [/^node:/, /^sharp$/, /^onnxruntime-node$/, /[\\/]src[\\/]image[\\/]io\.(ts|js)$/];
  return {
    name: 'colorize-browser-safe-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer && banned.some((re) => re.test(source))) {
        throw new Error(`the studio must not import Node-only code: ${source} (from ${importer})`);
      }
      return null;
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [browserSafeOnly()],
  worker: { format: 'es', plugins: () => [browserSafeOnly()] },
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080', '/docs': 'http://127.0.0.1:8080' } },
});
