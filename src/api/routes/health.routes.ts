import { Router } from 'express';
import { z } from 'zod';
import 'zod-openapi';
import type { Database } from '../../db/index.js';
import type { JobQueue } from '../../queue/job.types.js';
import type { OpenApiPaths } from '../http/route-module.js';

const checkSchema = z.object({ status: z.enum(['ok', 'error']), detail: z.string().optional(), backend: z.string() });
const readinessSchema = z
  .object({ status: z.enum(['ok', 'error']), checks: z.object({ database: checkSchema, queue: checkSchema }) })
  .meta({ id: 'Readiness' });
const livenessSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() }).meta({ id: 'Liveness' });

async function check(backend: string, probe: () => Promise<unknown>): Promise<z.infer<typeof checkSchema>> {
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('quá thời gian chờ 3 giây')), 3000).unref()),
    ]);
    return { status: 'ok', backend };
  } catch (error) {
    return { status: 'error', backend, detail: `Không kết nối được: ${(error as Error).message}` };
  }
}

export function healthRoutes(deps: { database: Database; queue: JobQueue }): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  router.get('/readyz', async (_request, response) => {
    const [database, queue] = await Promise.all([
      check(deps.database.kind, () => deps.database.query('SELECT 1')),
      check(deps.queue.backend, () => deps.queue.ping()),
    ]);
    const status = database.status === 'ok' && queue.status === 'ok' ? 'ok' : 'error';
    response.status(status === 'ok' ? 200 : 503).json({ status, checks: { database, queue } });
  });
  return router;
}

export const healthPaths: OpenApiPaths = {
  '/healthz': {
    get: {
      tags: ['Vận hành'],
      summary: 'Tiến trình còn sống',
      responses: { '200': { description: 'Còn sống', content: { 'application/json': { schema: livenessSchema } } } },
    },
  },
  '/readyz': {
    get: {
      tags: ['Vận hành'],
      summary: 'Sẵn sàng phục vụ: cơ sở dữ liệu và hàng đợi',
      responses: {
        '200': { description: 'Sẵn sàng', content: { 'application/json': { schema: readinessSchema } } },
        '503': { description: 'Chưa sẵn sàng', content: { 'application/json': { schema: readinessSchema } } },
      },
    },
  },
};
