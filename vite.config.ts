// Vite config for the Rapport web UI: source in src/web, built into dist/web, API proxied to the local server in dev.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { build as esbuild } from 'esbuild';

const apiTarget = process.env.RAPPORT_API_URL ?? 'http://127.0.0.1:3000';

/** The chat widget (src/web/widget) as one small vanilla script, emitted beside the app as widget.js. */
function chatWidget(): Plugin {
  return {
    name: 'rapport-chat-widget',
    apply: 'build',
    async generateBundle() {
      const out = await esbuild({ entryPoints: [fileURLToPath(new URL('./src/web/widget/widget-main.ts', import.meta.url))], bundle: true, minify: true, format: 'iife', target: 'es2020', write: false });
      this.emitFile({ type: 'asset', fileName: 'widget.js', source: out.outputFiles[0]!.text });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), chatWidget()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
