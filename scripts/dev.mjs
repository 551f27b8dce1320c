#!/usr/bin/env node
/**
 * npm run dev — the API server reloading on change (tsx watch) on :3000 and Vite with hot
 * reload on :5173 (which proxies /api and /dev to :3000). Open http://localhost:5173.
 */
import { spawn } from 'node:child_process';

const children = [
  spawn('node_modules/.bin/tsx', ['watch', '--clear-screen=false', 'src/server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, BASE_URL: process.env.BASE_URL ?? 'http://localhost:5173' },
  }),
  spawn('node_modules/.bin/vite', [], { stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
