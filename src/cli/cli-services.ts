import { ConfigError, loadConfig } from '../config/index.js';
import { connectToRunningServer, migrate } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { createLogger } from '../logging/index.js';
import { createServices, type Services } from '../runtime/services.js';

/**
 * Services for a command-line tool. With the embedded database held by a running server, the
 * tool goes through the server's socket rather than opening the files a second time.
 */
export async function openCliServices(): Promise<Services> {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn');
  if (config.database.kind === 'pglite') {
    const shared = connectToRunningServer(config.database.dataDir, config.paths.dataDir);
    if (shared) {
      await migrate(shared);
      return createServices(config, logger, { database: shared });
    }
  }
  return createServices(config, logger);
}

/** Prints a Vietnamese message for expected failures and exits non-zero. */
export function exitWithError(error: unknown): never {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof AppError) console.error(`Lỗi: ${error.detail}`);
  else console.error('Lỗi:', error);
  process.exit(1);
}
