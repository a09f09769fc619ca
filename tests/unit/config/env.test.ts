import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../config/env';

const valid = {
  MONGODB_URI: 'mongodb://127.0.0.1:27017/vicinato',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SESSION_SECRET: 's'.repeat(32),
  CITIZEN_REF_SECRET: 'c'.repeat(32),
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('config', () => {
  it('accepts a minimal valid environment with documented defaults', () => {
    const c = parseConfig(valid);
    expect(c.PORT).toBe(3000);
    expect(c.SERVICES).toEqual(['web', 'worker']);
    expect(c.MUNICIPALITY).toBe('capannori');
    expect(c.telegramEnabled).toBe(false);
    expect(c.simulatorEnabled).toBe(true);
  });

  it('names REDIS_URL when it is not a redis URL', () => {
    expect(problems({ ...valid, REDIS_URL: 'not-a-url' })).toEqual(['REDIS_URL: must be a redis:// URL']);
  });

  it('lists one line per bad key, naming each', () => {
    const lines = problems({ REDIS_URL: 'http://x', PORT: 'abc', SERVICES: 'web,teleport' });
    const keys = lines.map((l) => l.split(':')[0]);
    expect(keys).toEqual(expect.arrayContaining(['REDIS_URL', 'PORT', 'SERVICES', 'MONGODB_URI', 'SESSION_SECRET', 'CITIZEN_REF_SECRET']));
    expect(lines.find((l) => l.startsWith('MONGODB_URI'))).toBe('MONGODB_URI: is required');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('parses SERVICES as a comma list of known roles', () => {
    expect(parseConfig({ ...valid, SERVICES: 'worker, telegram' }).SERVICES).toEqual(['worker', 'telegram']);
    expect(problems({ ...valid, SERVICES: 'web,teleport' })[0]).toMatch(/^SERVICES: /);
  });

  it('requires the webhook secret with a Telegram webhook URL', () => {
    expect(problems({ ...valid, TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_URL: 'https://x.example/webhooks/telegram' })).toEqual([
      'TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_WEBHOOK_URL is set',
    ]);
  });

  it('requires the four WhatsApp Cloud settings together', () => {
    expect(problems({ ...valid, WHATSAPP_CLOUD_TOKEN: 'x' })[0]).toMatch(/^WHATSAPP_CLOUD_TOKEN: .* must be set together/);
  });

  it('refuses the development secret in production', () => {
    expect(problems({ ...valid, NODE_ENV: 'production', SESSION_SECRET: `dev-only-${'x'.repeat(32)}` })).toEqual([
      'SESSION_SECRET: the development default must not be used in production',
    ]);
  });
});
