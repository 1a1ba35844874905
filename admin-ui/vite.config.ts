import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/**
 * The phone app's service worker (`m/sw.js`), written at build time from `mobile-sw.js` with the
 * files the app needs to start offline: the chunks its page loads (and their CSS), named by hash.
 */
function phoneServiceWorker(): Plugin {
  return {
    name: 'pinzhi-phone-service-worker',
    apply: 'build',
    generateBundle(_options, bundle: OutputBundle) {
      const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.replace(/\\/g, '/').endsWith('/m/index.html'));
      if (!entry) throw new Error('the phone app\'s entry (m/index.html) is not in the bundle');
      const files = new Set<string>();
      const visit = (chunk: OutputChunk) => {
        if (files.has(chunk.fileName)) return;
        files.add(chunk.fileName);
        for (const css of (chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []) files.add(css);
        for (const name of chunk.imports) {
          const next = bundle[name];
          if (next?.type === 'chunk') visit(next);
        }
      };
      visit(entry);
      const precache = [...files].sort().map((f) => `/admin/${f}`);
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 16);
      const source = readFileSync(new URL('./mobile-sw.js', import.meta.url), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'm/sw.js', source: `const VERSION = '${version}';\nconst PRECACHE = ${JSON.stringify(precache)};\n${source}` });
    },
  };
}

/**
 * The admin UI is served by the Pinzhi server under /admin (see server/admin-ui.ts), the phone app
 * (m/index.html) under /m. In development (`npm run ui:dev`) Vite serves both and forwards API calls
 * to a server on port 4000.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [phoneServiceWorker()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // the workflow pages load bpmn-js lazily; it is one large chunk of its own
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: { admin: new URL('./index.html', import.meta.url).pathname, phone: new URL('./m/index.html', import.meta.url).pathname } },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://localhost:4000', '/photos': 'http://localhost:4000', '/checklists': 'http://localhost:4000', '/inspections': 'http://localhost:4000' },
  },
});
