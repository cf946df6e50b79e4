// `npm start`: the API server, with job workers in the same process by default (embedded mode).
import { ConfigError, loadConfig } from '../config/index.js';
import { publishEmbeddedDatabase, PgliteDatabase } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { createLogger } from '../logging/index.js';
import { startServer } from '../runtime/server.js';
import { createServices } from '../runtime/services.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const services = await createServices(config, logger);
  let workers = config.workers.inProcess;
  if (config.database.kind === 'pglite' && !workers) {
    logger.warn('WORKERS_IN_PROCESS=false bị bỏ qua: cơ sở dữ liệu nhúng chỉ dùng được trong một tiến trình, nên công việc chạy ngay trong máy chủ này.');
    workers = true;
  }
  const socket =
    services.database instanceof PgliteDatabase ? await publishEmbeddedDatabase(services.database, config.paths.dataDir) : undefined;
  const running = await startServer(services, { workers });
  // build the search index now rather than on the first citizen's question
  void services.search.refresh().catch((error: unknown) => logger.warn({ err: error }, 'search index build failed'));
  const clients = await services.clients.list();
  logger.info(
    {
      url: running.url,
      database: config.database.kind,
      queue: services.queue.backend,
      workers: workers ? config.workers.concurrency : 0,
      dataDir: config.paths.dataDir,
    },
    `Trợ lý số đang chạy tại ${running.url} — tài liệu API: ${running.url}/docs`,
  );
  if (clients.length === 0) {
    logger.info('Chưa có ứng dụng nào được đăng ký. Tạo một ứng dụng: npm run clients -- add --name "Quản trị" --role admin');
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Đang dừng máy chủ…');
    try {
      await running.stop();
      await socket?.stop();
      await services.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Dừng máy chủ không trọn vẹn');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof AppError) {
    console.error(`Không khởi động được: ${error.detail}`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Không khởi động được: cổng đã có chương trình khác dùng (${(error as Error).message}). Đặt PORT khác, ví dụ PORT=3001 npm start.`);
  } else {
    console.error('Không khởi động được:', error);
  }
  process.exit(1);
});
