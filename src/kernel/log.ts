import pino from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout; cookies, passwords and tokens are never written. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'ket-noi' },
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'headers.cookie', 'req.headers.cookie', 'secret'],
      censor: '[redacted]',
    },
  });
}
