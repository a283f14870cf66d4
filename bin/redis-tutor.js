#!/usr/bin/env node
// Thin launcher: the compiled program lives in dist/ (built on prepare/prepack).
import { main } from '../dist/main.js';

main(process.argv.slice(2));
