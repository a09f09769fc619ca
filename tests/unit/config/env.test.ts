import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../config/env';

const valid = {
  NODE_ENV: 'development',
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
    expect(problems({ ...production, SESSION_SECRET: `dev-only-${'x'.repeat(32)}` })).toEqual([
      'SESSION_SECRET: looks like a development or placeholder value ("dev-only"): set a random one in production (e.g. openssl rand -base64 32)',
    ]);
  });
});

// A production environment as the operations guide writes it: random secrets, an https address.
const production = {
  MONGODB_URI: 'mongodb://db.internal:27017/vicinato',
  REDIS_URL: 'redis://cache.internal:6379',
  SESSION_SECRET: 'q3N8v2Lk9XzR4tWb7YhJ1mPc6FgDs0Ae5UoIiKlMnBv=',
  CITIZEN_REF_SECRET: 'Zx7Qp2Wm9Rt4Ys8Uv1Bn6Lk3Hj5Gf0Dd+Ce9Aa2Ss4=',
  PUBLIC_URL: 'https://segnalazioni.comune.example.it',
  DATA_ENCRYPTION_KEY: 'Jm3k9QxV2pLr7TzW5yNc8HbF1dGs4Ae6UoIiKlMnBvQ=',
};

describe('production is the default, and a careless installation is refused', () => {
  it('runs in production when NODE_ENV is not set, with the simulator off', () => {
    const c = parseConfig(production);
    expect(c.NODE_ENV).toBe('production');
    expect(c.simulatorEnabled).toBe(false);
  });

  it('refuses the values of .env.example, the demo and the tests in production, one line per secret', () => {
    const lines = problems({ ...production, SESSION_SECRET: 's'.repeat(40), CITIZEN_REF_SECRET: 'lifecycle-citizen-secret-0123456789abcdef' });
    expect(lines).toEqual([
      'SESSION_SECRET: is too predictable (too few different characters): set a random one in production (e.g. openssl rand -base64 32)',
      'CITIZEN_REF_SECRET: looks like a development or placeholder value ("secret"): set a random one in production (e.g. openssl rand -base64 32)',
    ]);
    expect(problems({ ...production, SESSION_SECRET: 'short-but-random-Xq9' })[0]).toMatch(/^SESSION_SECRET: must be at least 32 characters/);
    expect(problems({ ...production, OPEN311_API_KEY: 'changeme-changeme-changeme' })[0]).toMatch(/^OPEN311_API_KEY: looks like a development/);
  });

  it('needs an https PUBLIC_URL in production (Secure __Host- cookies and HSTS depend on it)', () => {
    expect(problems({ ...production, PUBLIC_URL: 'http://segnalazioni.comune.example.it' })).toEqual([
      'PUBLIC_URL: must be the https:// address of the panel in production',
    ]);
    expect(problems({ ...production, PUBLIC_URL: undefined })).toEqual(['PUBLIC_URL: must be the https:// address of the panel in production']);
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses and CIDRs', () => {
    expect(parseConfig(production).TRUST_PROXY).toEqual(['loopback']);
    expect(parseConfig({ ...production, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseConfig({ ...production, TRUST_PROXY: '10.0.0.0/8, loopback' }).TRUST_PROXY).toEqual(['10.0.0.0/8', 'loopback']);
    expect(parseConfig({ ...production, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(problems({ ...production, TRUST_PROXY: 'everyone' })[0]).toMatch(/^TRUST_PROXY: "everyone" is not a hop count/);
  });
});
