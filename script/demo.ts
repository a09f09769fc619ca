/**
 * The demo launcher: starts the embedded MongoDB-wire server (data under ./data/mongo) and a
 * throw-away Redis when MONGODB_URI / REDIS_URL are not set, fills in development-only secrets,
 * creates a demo agent, then runs the service (src/main.ts) with the environment you gave it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMongo, startRedis, type RunningServer } from './embedded-servers';
import { acquireDemoLock } from './demo-lock';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'data');

/** Development-only secrets, generated once and kept in ./data so sessions survive a restart. */
function devSecrets(): Record<string, string> {
  const file = path.join(DATA, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    SESSION_SECRET: `dev-only-${randomBytes(24).toString('hex')}`,
    CITIZEN_REF_SECRET: `dev-only-${randomBytes(24).toString('hex')}`,
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function runTsx(script: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
      env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'inherit', 'inherit'],
    });
    if (input !== undefined) child.stdin!.end(input);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main() {
  mkdirSync(DATA, { recursive: true });
  const lock = acquireDemoLock(DATA, `http://localhost:${process.env.PORT ?? '3000'}/`);
  if (!lock.ok) {
    console.error(
      `[demo] another demo is running on ./data (pid ${lock.holder.pid}, ${lock.holder.url}, since ${lock.holder.startedAt}): stop it first`,
    );
    process.exit(1);
  }
  process.on('exit', lock.release);
  const servers: RunningServer[] = [];
  const env: NodeJS.ProcessEnv = { ...devSecrets(), ...process.env };
  // The service defaults to production; the demo is development unless told otherwise.
  env.NODE_ENV ??= 'development';
  if (!env.MONGODB_URI) {
    const mongo = await startMongo(path.join(DATA, 'mongo'));
    servers.push(mongo);
    env.MONGODB_URI = mongo.url;
    console.log(`[demo] embedded MongoDB-wire server (SecantusDB) at ${mongo.url}, data in ./data/mongo`);
  }
  if (!env.REDIS_URL) {
    const redis = await startRedis();
    servers.push(redis);
    env.REDIS_URL = redis.url;
    console.log(`[demo] redis-server at ${redis.url} (no persistence)`);
  }
  env.MEDIA_DIR ??= path.join(DATA, 'media');
  env.WHATSAPP_SESSION_DIR ??= path.join(DATA, 'whatsapp-session');
  const port = env.PORT ?? '3000';
  env.PORT = port;

  const stopServers = async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };

  if (env.NODE_ENV !== 'production' && existsSync(path.join(ROOT, 'script/operators.ts'))) {
    // Development only: two demo agents in two teams (control room and patrols), a demo supervisor
    // and a demo admin (operators, WhatsApp link), so a whole shift can be played.
    // A chosen password (DEMO_*_PASSWORD) is set on every start; otherwise a random one is made
    // when the account is created and printed that once (no password is written in the repository).
    // Production refuses *.demo accounts at login.
    const demoOperators = [
      { username: 'agente.demo', name: 'Agente Demo', role: 'agent', team: 'centrale', chosen: env.DEMO_AGENT_PASSWORD },
      { username: 'pattuglia.demo', name: 'Pattuglia Demo', role: 'agent', team: 'pattuglie', chosen: env.DEMO_PATROL_PASSWORD },
      {
        username: 'supervisore.demo',
        name: 'Supervisore Demo',
        role: 'supervisor',
        team: 'centrale',
        chosen: env.DEMO_SUPERVISOR_PASSWORD,
      },
      { username: 'admin.demo', name: 'Admin Demo', role: 'admin', team: 'centrale', chosen: env.DEMO_ADMIN_PASSWORD },
    ];
    for (const op of demoOperators) {
      const password = op.chosen || randomBytes(12).toString('base64url');
      const command = op.chosen ? 'ensure' : 'create';
      // The password goes through stdin, never as an argument.
      const code = await runTsx(
        'script/operators.ts',
        [command, '--username', op.username, '--name', op.name, '--role', op.role, '--team', op.team, '--password-stdin'],
        env,
        `${password}\n`,
      );
      if (code === 0) console.log(`[demo] demo ${op.role}: username "${op.username}", password "${password}"`);
      else if (!op.chosen)
        console.log(
          `[demo] demo ${op.role} "${op.username}" already exists: its password was printed when it was created (to choose one: DEMO_${op.username === 'pattuglia.demo' ? 'PATROL' : op.role.toUpperCase()}_PASSWORD=... npm run demo)`,
        );
    }
  }

  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], { env, stdio: 'inherit' });
  const base = `http://localhost:${port}`;
  console.log(`[demo] starting Vicinato (roles: ${env.SERVICES ?? 'web,worker'})`);
  console.log(`[demo] operator panel:  ${base}/`);
  console.log(`[demo] citizen simulator: ${base}/simulator`);
  console.log(`[demo] readiness:        ${base}/readyz`);

  let exiting = false;
  const forward = (signal: NodeJS.Signals) => {
    if (exiting) return;
    exiting = true;
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', async (code) => {
    await stopServers();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(`[demo] ${err.message}`);
  process.exit(1);
});
