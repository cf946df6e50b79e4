// Copies the non-TypeScript files the built server needs (SQL migrations) next to the compiled code.
import fs from 'node:fs';
fs.cpSync('src/db/migrations', 'dist/src/db/migrations', { recursive: true });
