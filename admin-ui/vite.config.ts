import { defineConfig } from 'vite';

/**
 * The admin UI is served by the Pinzhi server under /admin (see server/admin-ui.ts). In development
 * (`npm run ui:dev`) Vite serves it and forwards API calls to a server on port 4000.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // the workflow pages load bpmn-js lazily; it is one large chunk of its own
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/graphql': 'http://localhost:4000', '/photos': 'http://localhost:4000', '/checklists': 'http://localhost:4000', '/inspections': 'http://localhost:4000' },
  },
});
