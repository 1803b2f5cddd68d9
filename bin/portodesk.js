#!/usr/bin/env node
// Runs the TypeScript CLI straight from the source tree (tsx), so `npx portodesk` works after `npm install`.
import { register } from 'tsx/esm/api';
register();
await import('../main/cli/entry.ts');
