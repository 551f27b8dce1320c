import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
const apiServer = 'http://localhost:3000';

/**
 * Writes `asset-manifest.json`: every hashed file of this build, for the service worker
 * (src/web/public/sw.js) to cache so that every page — lazily loaded ones included — opens offline.
 */
function assetManifest(): Plugin {
  return {
    name: 'trellis-asset-manifest',
    apply: 'build',
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        .filter((file) => file.startsWith('assets/'))
        .sort()
        .map((file) => `/${file}`);
      const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 16);
      this.emitFile({ type: 'asset', fileName: 'asset-manifest.json', source: `${JSON.stringify({ version, assets }, null, 2)}\n` });
    },
  };
}

/**
 * Writes `route-preload.json`: for each route of src/web/router.tsx, the JavaScript its page needs
 * (its lazy chunk and that chunk's static imports) beyond what index.html already loads, and
 * whether it is a signed-in page. The server puts these in the page's HTML as modulepreload links,
 * so a page's code downloads alongside the entry instead of after it (docs/decisions/042).
 */
export function routePreload(routerSource: string): Plugin {
  return {
    name: 'trellis-route-preload',
    apply: 'build',
    generateBundle(_options, bundle) {
      const source = fs.readFileSync(routerSource, 'utf8');
      const lazyModules = new Map<string, string>();
      for (const m of source.matchAll(/const (\w+) = lazy\(\(\) => import\('\.\/([^']+)'\)\)/g)) lazyModules.set(m[1]!, m[2]!);
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      const initial = new Set<string>();
      const walk = (file: string, into: Set<string>) => {
        if (into.has(file)) return;
        into.add(file);
        const chunk = bundle[file];
        if (chunk?.type === 'chunk') for (const dep of chunk.imports) walk(dep, into);
      };
      if (entry) walk(entry.fileName, initial);
      const signedInStart = source.indexOf('<Route element={<AppLayout />}>');
      const routes: Array<{ path: string; signedIn: boolean; files: string[] }> = [];
      for (const m of source.matchAll(/<Route (?:path="([^"]*)"|index) element=\{<(\w+) \/>\}/g)) {
        const module = lazyModules.get(m[2]!);
        if (!module) continue;
        const chunk = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').replace(/\.tsx?$/, '').endsWith(`/src/web/${module}`));
        if (!chunk) continue;
        const needed = new Set<string>();
        walk(chunk.fileName, needed);
        routes.push({ path: `/${m[1] ?? ''}`, signedIn: signedInStart >= 0 && (m.index ?? 0) > signedInStart, files: [...needed].filter((f) => !initial.has(f)).map((f) => `/${f}`) });
      }
      this.emitFile({ type: 'asset', fileName: 'route-preload.json', source: `${JSON.stringify(routes, null, 2)}\n` });
    },
  };
}

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build, which the
 * server sends to browsers that accept them (@fastify/static `preCompressed`). Compressing once at
 * build time lets us use the slowest, smallest settings at no cost per request (docs/decisions/036).
 */
function precompress(): Plugin {
  return {
    name: 'trellis-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const full = path.join(options.dir!, file);
        const source = fs.readFileSync(full);
        if (source.length < 1024) continue;
        fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length } }));
        fs.writeFileSync(`${full}.gz`, zlib.gzipSync(source, { level: 9 }));
      }
    },
  };
}

/**
 * The web front-end: `src/web` is the Vite root; the server serves `dist/web` in production.
 * In development, Vite serves the app on :5173 and forwards API calls to the server on :3000,
 * so cookies stay same-origin from the browser's point of view.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react(), assetManifest(), routePreload(fileURLToPath(new URL('./src/web/router.tsx', import.meta.url))), precompress()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    assetsDir: 'assets',
    // Never inline assets as data: URIs, so the server's CSP (img-src/font-src 'self') holds.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Name the shared vendor chunks so sizes are easy to read and cache well across releases.
        // Only `react` is needed by the landing page; the others load with the forms that use them.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 3 },
            {
              name: 'react-aria',
              test: /node_modules[\\/](react-aria-components|react-aria|react-stately|@react-aria|@react-stately|@react-types|@internationalized|@swc|client-only|use-sync-external-store)[\\/]/,
              priority: 2,
            },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 1 },
            // Our own code shared by the entry and every page: the message catalog and small helpers.
            {
              name: 'shell',
              // Lazy catalogs (help, crisis-lines, safety, export) are left out so they load with their page.
              test: /src[\\/]web[\\/](lib[\\/](i18n\.ts|messages[\\/](en|(?!(help|crisis-lines|safety|export)\.en)[\w-]+\.en)\.ts)|components[\\/](PageHeading|AppLink|Messages|Loading))/,
              priority: 0,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/dev': { target: apiServer, changeOrigin: false },
      '/healthz': { target: apiServer, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
