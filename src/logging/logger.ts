import { pino, type Logger, type LoggerOptions } from 'pino';
import { redactDeep, redactPersonalData } from '../privacy/index.js';

export type { Logger } from 'pino';

/**
 * JSON logs (pino). Personal data (CCCD/CMND numbers, phone numbers, e-mails) is redacted from
 * every string that reaches a log line, whatever its field; credentials are removed by path.
 */
export function createLogger(level: LoggerOptions['level'] = 'info', destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'tro-ly-so' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'client_secret',
        'body.client_secret',
        '*.client_secret',
        'password',
      ],
      censor: '[ĐÃ ẨN]',
    },
    formatters: {
      log: (object) => redactDeep(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((argument) => (typeof argument === 'string' ? redactPersonalData(argument) : argument)) as Parameters<
            typeof method
          >,
        );
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
