export { loadConfig, ConfigError, environmentSchema } from './config.js';
export type { AppConfig, Environment } from './config.js';
