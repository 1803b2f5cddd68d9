#!/usr/bin/env node
// Runs the billing service straight from the source tree (tsx), like bin/portodesk.js.
import { register } from 'tsx/esm/api';
register();
await import('../server/main.ts');
