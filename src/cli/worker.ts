// `npm run worker`: a process that only runs jobs (production: DATABASE_URL, usually REDIS_URL too).
import { ConfigError, loadConfig } from '../config/index.js';
import { AppError } from '../errors/index.js';
import { createLogger } from '../logging/index.js';

/** How long running jobs may take to finish after SIGTERM before they are handed back. */
const shutdownTimeoutMs = 30_000;

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.kind === 'pglite') {
    // Checked before anything opens the data directory: a PGlite database belongs to one process.
    console.error(
      'Không thể chạy tiến trình xử lý công việc riêng khi dùng cơ sở dữ liệu nhúng (chưa đặt DATABASE_URL): ' +
        'cơ sở dữ liệu nhúng chỉ thuộc về một tiến trình. Ở chế độ nhúng, công việc được xử lý ngay trong `npm start`. ' +
        'Để chạy tiến trình xử lý riêng, hãy đặt DATABASE_URL (PostgreSQL có pgvector) và nên đặt REDIS_URL.',
    );
    process.exitCode = 1;
    return;
  }
  const logger = createLogger(config.logLevel);
  // Loaded only once the mode is known to be valid: job handlers pull in the heavy extractors.
  const { createServices } = await import('../runtime/services.js');
  const { createJobHandlers } = await import('../jobs/index.js');
  const services = await createServices(config, logger);
  const worker = services.queue.startWorker(createJobHandlers(services), { concurrency: config.workers.concurrency });
  logger.info(
    { queue: services.queue.backend, concurrency: config.workers.concurrency, pid: process.pid },
    'Tiến trình xử lý công việc đã sẵn sàng',
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      // A second signal: the operator does not want to wait; leases/locks hand the jobs back.
      logger.warn({ signal }, 'Dừng ngay, không chờ công việc đang chạy');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'Đang dừng: chờ các công việc đang chạy hoàn tất…');
    try {
      await worker.stop(shutdownTimeoutMs);
      await services.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Dừng tiến trình xử lý không trọn vẹn');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof AppError) console.error(`Không khởi động được tiến trình xử lý: ${error.detail}`);
  else console.error('Không khởi động được tiến trình xử lý:', error);
  process.exit(1);
});
