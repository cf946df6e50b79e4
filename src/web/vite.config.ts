// Builds the web pages into <repo>/dist/web, which the API server serves at `/`.
// Run from the repository root: `npm run build:web` (or `npx vite --config src/web/vite.config.ts` to develop).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { partials } from './src/shared/layout.js';

const webDirectory = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(webDirectory, '../..');

/**
 * One entry per page: `<name>.html` in src/web. Adding a page is one line here plus its HTML file
 * (which writes `<!-- partial:header -->` / `<!-- partial:footer -->` and loads its own script).
 * Also set `available: true` for it in src/shared/site.ts once it is ready for users.
 */
const pages = [
  'index', // landing page
  'tro-ly', // citizens' chat
  'can-bo', // officers' application review
  // 'lanh-dao', // leaders' dashboard
];

const input = Object.fromEntries(
  pages.map((page) => {
    const file = path.join(webDirectory, `${page}.html`);
    if (!fs.existsSync(file)) throw new Error(`vite.config.ts lists the page "${page}" but ${file} does not exist.`);
    return [page, file];
  }),
);

/** Replaces `<!-- partial:name -->` with the shared HTML from src/shared/layout.ts. */
function layoutPartials(): Plugin {
  return {
    name: 'tro-ly-so:layout-partials',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const pageId = path.basename(context.filename, '.html');
        return html.replace(/<!--\s*partial:([\w-]+)\s*-->/g, (_match, name: string) => {
          const render = partials[name];
          if (!render) throw new Error(`${context.filename}: unknown partial "${name}" (known: ${Object.keys(partials).join(', ')}).`);
          return render({ pageId });
        });
      },
    },
  };
}

// The API the dev server forwards to (`npm run dev` listens on 3000 by default).
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';
const apiPaths = ['/readyz', '/healthz', '/openapi.json', '/docs', '/v1', '/oauth'];

export default defineConfig({
  root: webDirectory,
  // Relative asset URLs: the pages also work when a reverse proxy publishes them under a sub-path.
  base: './',
  publicDir: path.join(webDirectory, 'public'),
  plugins: [layoutPartials()],
  build: {
    outDir: path.join(repositoryRoot, 'dist', 'web'),
    emptyOutDir: true,
    rolldownOptions: { input },
  },
  server: {
    proxy: Object.fromEntries(apiPaths.map((prefix) => [prefix, { target: apiTarget, changeOrigin: true }])),
  },
});
