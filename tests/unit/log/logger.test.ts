import { Writable } from 'node:stream';
import winston from 'winston';
import { describe, expect, it } from 'vitest';
import { createLogger, redact, withLogContext } from '../../../src/log/logger';

function capture(json: boolean) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', json });
  logger.clear();
  logger.add(
    new winston.transports.Stream({
      stream: new Writable({
        write(chunk, _enc, cb) {
          lines.push(String(chunk));
          cb();
        },
      }),
    }),
  );
  return { logger, lines };
}

describe('logger', () => {
  it('masks phone numbers, bot tokens and secret-named fields', () => {
    const { logger, lines } = capture(true);
    logger.info('sent to +39 333 123 4567 via https://api.telegram.org/bot123456:AAH-secret_x/sendMessage', {
      phone: '3331234567',
      password: 'hunter2',
      nested: { wa_id: '393331234567', text: 'chiamami al 3331234567' },
    });
    const out = lines.join('');
    expect(out).not.toMatch(/333\s?123\s?4567|3331234567|393331234567|hunter2|AAH-secret_x/);
    expect(out).toContain('bot***');
  });

  it('puts the request or job id in every line written inside its context', () => {
    const { logger, lines } = capture(true);
    withLogContext({ requestId: 'req-42' }, () => logger.info('inside'));
    withLogContext({ jobId: 'inbound/7' }, () => logger.warn('job line'));
    logger.info('outside');
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed[0]).toMatchObject({ message: 'inside', requestId: 'req-42' });
    expect(parsed[1]).toMatchObject({ message: 'job line', jobId: 'inbound/7' });
    expect(parsed[2].requestId).toBeUndefined();
  });

  it('writes readable lines in development', () => {
    const { logger, lines } = capture(false);
    withLogContext({ requestId: 'abc-123' }, () => logger.info('hello'));
    expect(lines[0]).toMatch(/info.*\[req abc-123\]: hello/);
  });

  it('redacts errors to name and message', () => {
    expect(redact(new Error('call 3331234567'))).toEqual({ name: 'Error', message: 'call ***' });
  });
});

describe('logger levels', () => {
  it('never formats a line of a disabled level (its fields are not even read), and applies a changed level at once', () => {
    const { logger, lines } = capture(true);
    logger.level = 'warn';
    let reads = 0;
    const meta = {
      get detail() {
        reads++;
        return 'costly';
      },
    };
    logger.debug('not written', meta);
    logger.info('not written either', meta);
    expect(reads).toBe(0);
    logger.warn('written', meta);
    expect(reads).toBeGreaterThan(0);
    logger.level = 'debug';
    logger.debug('written now');
    expect(lines.map((l) => JSON.parse(l).message)).toEqual(['written', 'written now']);
  });
});
