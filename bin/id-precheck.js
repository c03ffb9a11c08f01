#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on load (cached), so there is no build step to forget.
import { fileURLToPath } from 'node:url';
import { relaunchWithAllocator } from './allocator.js';

// Checked in a process started with the allocator settings a batch of photos needs (allocator.js);
// tsx is loaded only in that one.
relaunchWithAllocator(fileURLToPath(import.meta.url));
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
