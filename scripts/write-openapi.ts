// Rewrites the committed openapi.json from the zod schemas: `npm run openapi`.
import fs from 'node:fs';
import { buildOpenApiDocument } from '../src/api/openapi/openapi.document.js';

fs.writeFileSync(new URL('../openapi.json', import.meta.url), JSON.stringify(buildOpenApiDocument(), null, 2) + '\n');
console.log('Đã ghi openapi.json');
