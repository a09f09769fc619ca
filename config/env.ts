/**
 * The schema of every setting. This is the ONLY module that reads process.env.
 * Each key is documented where it is declared and again in .env.example.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { PRODUCTION_SECRETS, secretProblem } from './secret-strength';

const url = (protocols: string[], what: string) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a ${what} URL` },
  );

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

export const SERVICE_ROLES = ['web', 'worker', 'telegram', 'whatsapp'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

export const envSchema = z.object({
  /**
   * production | development | test. Production (the default, so `npm start` is safe) turns on JSON
   * logs and Secure `__Host-` cookies with HSTS, refuses weak secrets and demo accounts, needs an
   * https PUBLIC_URL and leaves the simulator off; `npm run demo` and the tests set development/test
   * themselves. @defaultValue production
   */
  NODE_ENV: optionalString.pipe(z.enum(['production', 'development', 'test']).default('production')),
  /** HTTP port of the web role; a process without the web role serves only /healthz and /readyz on it. @defaultValue 3000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL of the web role, used in links and webhook registration. Required, https, in production. */
  PUBLIC_URL: optionalString.pipe(url(['http:', 'https:'], 'http(s)').optional()),
  /** Roles this process runs, comma separated: web, worker, telegram, whatsapp. @defaultValue web,worker */
  SERVICES: csv
    .default(['web', 'worker'])
    .pipe(z.array(z.enum(SERVICE_ROLES, { message: `each role must be one of ${SERVICE_ROLES.join(', ')}` })).min(1)),
  /** MongoDB connection string. When unset, the scripts start the embedded MongoDB-wire server and set it. */
  MONGODB_URI: url(['mongodb:', 'mongodb+srv:'], 'mongodb://'),
  /** Redis connection string. When unset, the scripts start a local redis-server and set it. */
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://'),
  /** Prefix of every Redis key and BullMQ queue, so several deployments can share one Redis. @defaultValue vicinato */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i, 'letters, digits, - and _ only')
    .default('vicinato'),
  /** Log level: error, warn, info, debug. @defaultValue info */
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  /** Municipality whose data (boundary, zones, categories, hours) is loaded from config/municipalities. @defaultValue capannori */
  MUNICIPALITY: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and - only')
    .default('capannori'),
  /** Secret used to sign panel session cookies and CSRF tokens: at least 32 characters. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** Secret key for the pseudonymous citizen reference (HMAC of channel + chat id): at least 32 characters. */
  CITIZEN_REF_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /**
   * Key that encrypts personal data at rest (the identity store, chat ids, MFA secrets): base64 of 32
   * random bytes (`openssl rand -base64 32`). Required in production; outside production a key is
   * derived from CITIZEN_REF_SECRET. Rotation: docs/operations.md.
   */
  DATA_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of 32 random bytes (openssl rand -base64 32)')
      .optional(),
  ),
  /** Short name of DATA_ENCRYPTION_KEY, stored beside every value it encrypts. @defaultValue k1 */
  DATA_ENCRYPTION_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,16}$/, '1-16 of A-Z a-z 0-9 _ -')
    .default('k1'),
  /** Earlier keys still needed to read older values while they are re-encrypted: `id:base64,id:base64`. */
  DATA_ENCRYPTION_OLD_KEYS: optionalString.pipe(
    z
      .string()
      .regex(/^([A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{40,48})(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{40,48})*$/, 'must be id:base64[,id:base64…]')
      .optional(),
  ),
  /**
   * Roles that must use a second factor (TOTP) to sign in to the panel, comma-separated (agent,
   * supervisor, admin; empty for none). @defaultValue admin,supervisor in production, none otherwise
   */
  MFA_REQUIRED_ROLES: optionalString.pipe(
    z
      .string()
      .regex(
        /^(none|((agent|supervisor|admin)(\s*,\s*(agent|supervisor|admin))*))$/,
        'comma-separated roles: agent, supervisor, admin (or none)',
      )
      .optional(),
  ),
  /**
   * Who may reveal a citizen's identity on a report: `assignee` (the agent holding it, plus
   * supervisors and admins) or `any_agent`. A reason is always asked and audited. @defaultValue assignee
   */
  IDENTITY_REVEAL_POLICY: z.enum(['assignee', 'any_agent']).default('assignee'),
  /**
   * Minutes without a request by the operator (automatic refreshes do not count) after which a panel
   * session ends. Fractions are allowed (0.1 = 6 s, for tests). @defaultValue 30
   */
  PANEL_IDLE_TIMEOUT_MINUTES: z.coerce
    .number()
    .min(0.05)
    .max(24 * 60)
    .default(30),
  /**
   * Priority (0-100) from which a new report alerts the open panels with a sound and a desktop
   * notification (agents turn alerts on once in their browser). @defaultValue 70
   */
  PANEL_ALERT_PRIORITY: z.coerce.number().int().min(0).max(100).default(70),
  /**
   * Whether admins may change jobs from the panel's job queues page (Bull Board at
   * /api/admin/queues/): retry, clean, pause, remove. false (the default) shows the queues read-only. @defaultValue false
   */
  QUEUE_BOARD_WRITE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Nominatim base URL for geocoding (self-hosted in production). Empty disables geocoding: the bot asks for a pin. */
  GEOCODER_URL: optionalString.pipe(url(['http:', 'https:'], 'http(s)').optional()),
  /** User-Agent sent to Nominatim, as its usage policy requires (name and contact). @defaultValue Vicinato/0.1 (municipality IT contact) */
  GEOCODER_USER_AGENT: z.string().min(3).default('Vicinato/0.1 (set GEOCODER_USER_AGENT to your contact)'),
  /** Map tile URL template for the panel map. Empty shows the map without tiles. @defaultValue https://tile.openstreetmap.org/{z}/{x}/{y}.png */
  MAP_TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  /** Most reports one CSV/GeoJSON export of the panel may hold; beyond it the export is refused with a reason. @defaultValue 50000 */
  PANEL_EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  /** API key required by the Open311 read API; unset leaves it public. */
  OPEN311_API_KEY: optionalString,
  /** Directory where citizens' photos are stored (police only, never served publicly). @defaultValue ./data/media */
  MEDIA_DIR: z.string().default('./data/media'),
  /** Largest accepted photo in bytes. @defaultValue 10485760 (10 MB) */
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Whether the web simulator (/simulator and its API) is served. @defaultValue true outside production */
  SIMULATOR_ENABLED: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  /**
   * Which proxies in front of the web role are trusted for X-Forwarded-For/-Proto (the client
   * address of rate limits, the https of Secure cookies): a hop count (1 = the nearest proxy), or a
   * comma list of addresses/CIDRs and the names loopback, linklocal, uniquelocal; `false` trusts
   * none. @defaultValue loopback
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((v, ctx): number | string[] | false => {
      const t = v.trim();
      if (t === 'false' || t === '') return false;
      if (/^\d+$/.test(t)) return Number(t);
      const items = t
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = items.find((i) => !['loopback', 'linklocal', 'uniquelocal'].includes(i) && !isIP(i.replace(/\/\d{1,3}$/, '')));
      if (bad !== undefined)
        ctx.addIssue({ code: 'custom', message: `"${bad}" is not a hop count, address, CIDR, loopback, linklocal or uniquelocal` });
      return items;
    }),
  /** Token that shows /readyz's details to a caller other than loopback (`Authorization: Bearer <token>`). Unset: details only for loopback. */
  READYZ_TOKEN: optionalString,
  /** Telegram bot token from @BotFather. The telegram role starts only when it is set. */
  TELEGRAM_BOT_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]+$/, 'must look like 123456:ABC-...')
      .optional(),
  ),
  /** Bot API server root (a self-hosted Bot API server or a test fake). @defaultValue https://api.telegram.org */
  TELEGRAM_API_ROOT: url(['http:', 'https:'], 'http(s)').default('https://api.telegram.org'),
  /** Public HTTPS URL Telegram posts updates to (…/webhooks/telegram). Unset: long polling. */
  TELEGRAM_WEBHOOK_URL: optionalString.pipe(url(['http:', 'https:'], 'http(s)').optional()),
  /** Secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token: 1-256 of A-Z a-z 0-9 _ -. Required with TELEGRAM_WEBHOOK_URL. */
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'must be 1-256 of A-Z a-z 0-9 _ -')
      .optional(),
  ),
  /**
   * The staff bot's own Telegram token (another bot than the citizens'): patrols receive dispatches
   * and the on-call officer is paged outside service hours. Unset: no staff bot. Runs in the worker role.
   */
  STAFF_TELEGRAM_BOT_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]+$/, 'must look like 123456:ABC-...')
      .optional(),
  ),
  /** Bot API server root for the staff bot. @defaultValue https://api.telegram.org */
  STAFF_TELEGRAM_API_ROOT: url(['http:', 'https:'], 'http(s)').default('https://api.telegram.org'),
  /** Minutes a one-time code to link an operator's Telegram account stays valid. @defaultValue 10 */
  STAFF_LINK_CODE_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** whatsapp-web.js: Chromium executable. @defaultValue /usr/bin/chromium */
  WHATSAPP_CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** whatsapp-web.js: auth strategy, local (session files) or remote (MongoDB store). @defaultValue local */
  WHATSAPP_AUTH: z.enum(['local', 'remote']).default('local'),
  /** whatsapp-web.js: LocalAuth session directory. @defaultValue ./data/whatsapp-session */
  WHATSAPP_SESSION_DIR: z.string().default('./data/whatsapp-session'),
  /** WhatsApp Cloud API: permanent access token. The Cloud webhook is served when all four Cloud settings are set. */
  WHATSAPP_CLOUD_TOKEN: optionalString,
  /** WhatsApp Cloud API: phone number id that sends messages. */
  WHATSAPP_PHONE_NUMBER_ID: optionalString,
  /** WhatsApp Cloud API: app secret used to verify X-Hub-Signature-256. */
  WHATSAPP_APP_SECRET: optionalString,
  /** WhatsApp Cloud API: token echoed in the webhook GET handshake. */
  WHATSAPP_VERIFY_TOKEN: optionalString,
  /** WhatsApp Cloud API: Graph API base, version included. @defaultValue https://graph.facebook.com/v21.0 */
  WHATSAPP_GRAPH_API_BASE: url(['http:', 'https:'], 'http(s)').default('https://graph.facebook.com/v21.0'),
  /** WhatsApp Cloud API: approved template for status updates outside the 24-hour window. Unset: such updates are recorded as not deliverable. */
  WHATSAPP_STATUS_TEMPLATE: optionalString,
  /** WhatsApp Cloud API: outbound messages per second per number. @defaultValue 80 */
  WHATSAPP_CLOUD_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(80),
  /** Requests per minute one client address may make to the public Open311 API. @defaultValue 60 */
  OPEN311_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  /** Requests per minute one client address may make to the simulator API (when the simulator is on). @defaultValue 120 */
  SIMULATOR_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /**
   * Messages one citizen (chat) may send in any minute; the first one over gets a polite answer,
   * later ones are stored but not answered (src/app/intake/citizen-limits.ts). @defaultValue 20
   */
  CITIZEN_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Reports one citizen may send in 24 hours; one more is refused politely, its draft kept. @defaultValue 10 */
  CITIZEN_REPORTS_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Retention (src/app/citizens/retention.ts, daily): inbox messages, replies and idle conversations, in days. @defaultValue 90 */
  RETENTION_MESSAGES_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Retention: months after closing before a report loses the link to the person. @defaultValue 12 */
  RETENTION_IDENTITY_LINK_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** Retention: years the audit log is kept. @defaultValue 10 */
  RETENTION_AUDIT_YEARS: z.coerce.number().int().min(1).max(50).default(10),
  /** Retention: months after closing before a report's photos (and the citizen's added ones) are deleted. @defaultValue 12 */
  RETENTION_PHOTOS_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** Photos one report may hold, the first ones included; «aggiungi» adds more up to this (flows/follow-up.ts). @defaultValue 5 */
  REPORT_MAX_PHOTOS: z.coerce.number().int().min(1).max(20).default(5),
  /** Days after a close within which "non risolto" / "è ancora lì" reopens or follows up the report. @defaultValue 7 */
  RESOLUTION_REOPEN_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** What "not solved" does within those days: reopen the report, or open a linked follow-up report. @defaultValue reopen */
  RESOLUTION_NOT_SOLVED: z.enum(['reopen', 'follow_up']).default('reopen'),
  /**
   * How often the reconciler (worker role, one process at a time) re-schedules from MongoDB what
   * Redis may have lost: unprocessed inbox messages, unsent replies, advisories still sending. @defaultValue 10000
   */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(200).max(600_000).default(10_000),
  /** Only items older than this are re-scheduled (younger ones still have their job in flight). @defaultValue 20000 */
  RECONCILE_GRACE_MS: z.coerce.number().int().min(100).max(3_600_000).default(20_000),
  /**
   * Webhook requests per minute per client address and channel (Telegram, WhatsApp Cloud); far
   * above what the platforms send a municipality's bot. @defaultValue 6000
   */
  WEBHOOK_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(6000),
  /**
   * Hosts citizens' photos may be downloaded from, comma separated (`*.example.com` for subdomains);
   * https only, except loopback hosts (127.0.0.1 for a local Bot API server or a test fake). The
   * WhatsApp Cloud bearer token is sent to no other host. @defaultValue graph.facebook.com,lookaside.fbsbx.com,api.telegram.org
   */
  MEDIA_ALLOWED_HOSTS: csv
    .default(['graph.facebook.com', 'lookaside.fbsbx.com', 'api.telegram.org'])
    .pipe(
      z.array(z.string().regex(/^(\*\.)?[a-z0-9.-]+$|^\[::1\]$/i, 'each host must be a host name or address, optionally *.domain')).min(1),
    ),
  /** Largest photo in pixels (width x height), checked before it is decoded. @defaultValue 16000000 */
  MEDIA_MAX_PIXELS: z.coerce.number().int().min(10_000).max(100_000_000).default(16_000_000),
  /**
   * Voice notes: the OpenAI-compatible transcription endpoint of a speech-to-text server you run
   * (e.g. faster-whisper, `http://127.0.0.1:8000/v1/audio/transcriptions`). Unset (the default):
   * voice notes are answered "please write" and no audio is downloaded or sent anywhere.
   */
  SPEECH_TO_TEXT_URL: optionalString.pipe(url(['http:', 'https:'], 'http(s)').optional()),
  /** Bearer token for SPEECH_TO_TEXT_URL, if the server wants one. */
  SPEECH_TO_TEXT_API_KEY: optionalString,
  /** The `model` field sent to the server. @defaultValue Systran/faster-whisper-small */
  SPEECH_TO_TEXT_MODEL: z.string().min(1).max(200).default('Systran/faster-whisper-small'),
  /** How long one transcription may take before the citizen is asked to write instead. @defaultValue 30000 */
  SPEECH_TO_TEXT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** How long a voice note waits for an unreachable server (retried) before the citizen is asked to write. @defaultValue 10 */
  SPEECH_TO_TEXT_RETRY_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
  /** Largest voice note in bytes, checked before download. @defaultValue 2097152 (2 MB, ~8 minutes of Opus) */
  VOICE_NOTE_MAX_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(2 * 1024 * 1024),
  /** Longest voice note in seconds, checked before download (declared) and before upload (Ogg content). @defaultValue 120 */
  VOICE_NOTE_MAX_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /**
   * Keep a voice note's audio after it is transcribed (police only, in MEDIA_DIR, removed with the
   * inbox messages by retention). Off by default: a voice is personal data that identifies the
   * speaker, and the transcript is what the report needs. @defaultValue false
   */
  VOICE_NOTES_KEEP_AUDIO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type RawConfig = z.infer<typeof envSchema>;

export type Config = RawConfig & {
  simulatorEnabled: boolean;
  /** Roles that sign in with a second factor (MFA_REQUIRED_ROLES, or its default). */
  mfaRequiredRoles: readonly ('agent' | 'supervisor' | 'admin')[];
  telegramEnabled: boolean;
  whatsappCloudEnabled: boolean;
};

/** A configuration error: one line per bad key, printed without a stack trace. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

function crossChecks(c: RawConfig): string[] {
  const problems: string[] = [];
  if (c.STAFF_TELEGRAM_BOT_TOKEN && c.STAFF_TELEGRAM_BOT_TOKEN === c.TELEGRAM_BOT_TOKEN)
    problems.push("STAFF_TELEGRAM_BOT_TOKEN: must be another bot than the citizens' (TELEGRAM_BOT_TOKEN)");
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET)
    problems.push('TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_WEBHOOK_URL is set');
  const cloud = [c.WHATSAPP_CLOUD_TOKEN, c.WHATSAPP_PHONE_NUMBER_ID, c.WHATSAPP_APP_SECRET, c.WHATSAPP_VERIFY_TOKEN];
  if (cloud.some(Boolean) && !cloud.every(Boolean))
    problems.push(
      'WHATSAPP_CLOUD_TOKEN: WHATSAPP_CLOUD_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN must be set together',
    );
  if (c.NODE_ENV === 'production') problems.push(...productionChecks(c));
  return problems;
}

/** A careless installer's mistakes that production refuses: weak or development secrets, no https address. */
function productionChecks(c: RawConfig): string[] {
  const problems: string[] = [];
  for (const [key, minLength] of Object.entries(PRODUCTION_SECRETS)) {
    const value = (c as Record<string, unknown>)[key];
    if (typeof value !== 'string' || value === '') continue;
    const problem = secretProblem(value, minLength);
    if (problem) problems.push(`${key}: ${problem}`);
  }
  if (!c.PUBLIC_URL?.startsWith('https://')) problems.push('PUBLIC_URL: must be the https:// address of the panel in production');
  if (!c.DATA_ENCRYPTION_KEY) problems.push('DATA_ENCRYPTION_KEY: is required in production (openssl rand -base64 32)');
  return problems;
}

/** Parses an environment once; throws ConfigError listing every problem. */
export function parseConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '(root)');
      const message = issue.code === 'invalid_type' && env[key] === undefined ? 'is required' : issue.message;
      return `${key}: ${message}`;
    });
    throw new ConfigError([...new Set(problems)]);
  }
  const c = result.data;
  const problems = crossChecks(c);
  if (problems.length) throw new ConfigError(problems);
  return {
    ...c,
    simulatorEnabled: c.SIMULATOR_ENABLED ?? c.NODE_ENV !== 'production',
    mfaRequiredRoles: mfaRoles(c.MFA_REQUIRED_ROLES, c.NODE_ENV),
    telegramEnabled: Boolean(c.TELEGRAM_BOT_TOKEN),
    whatsappCloudEnabled: Boolean(c.WHATSAPP_CLOUD_TOKEN),
  };
}

function mfaRoles(setting: string | undefined, env: RawConfig['NODE_ENV']): Config['mfaRequiredRoles'] {
  if (setting === undefined) return env === 'production' ? ['admin', 'supervisor'] : [];
  if (setting.trim() === 'none') return [];
  return [...new Set(setting.split(',').map((r) => r.trim() as 'agent' | 'supervisor' | 'admin'))];
}

/** Reads process.env: the only place in the code base that does. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): Config {
  return parseConfig({ ...process.env, ...overrides });
}

/**
 * VICINATO_OPERATOR_PASSWORD: the password for `npm run operators -- create|ensure|set-password`
 * when --password-stdin is not used. Read only by that CLI, never part of Config (so it is never
 * logged with it), and never accepted as a command-line argument.
 */
export function operatorPasswordFromEnv(): string | undefined {
  return process.env.VICINATO_OPERATOR_PASSWORD || undefined;
}
