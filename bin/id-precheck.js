#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on load (cached), so there is no build step to forget.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
// Checked in a process started with the allocator settings a batch of photos needs (allocator.ts).
const { relaunchWithAllocator } = await import('../src/cli/allocator.ts');
relaunchWithAllocator(fileURLToPath(import.meta.url));
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
