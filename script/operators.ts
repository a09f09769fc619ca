/**
 * Operator accounts from the command line, non-interactively:
 *
 *   node --import tsx script/operators.ts <command> --username U [--name "Display Name"] [--role agent|supervisor|admin] [--team T] [--password-stdin]
 *   (or: npm run operators -- <command> ...)
 *
 * Commands:
 *   create        new operator (fails if the username exists); role defaults to agent
 *   ensure        create, or update password (and role/name when given) of an existing one; idempotent
 *   set-password  new password for an existing operator
 *   disable       the operator can no longer log in; open sessions end at their next request
 *   enable        undo disable
 *   list          username, role, display name, state
 *
 * The password comes from standard input (--password-stdin; the first line) or from the environment
 * variable VICINATO_OPERATOR_PASSWORD, never from an argument (arguments end up in shell history and
 * in the process list). MONGODB_URI and the other settings come from the environment (config/env.ts).
 *
 *   printf '%s\n' "$PASSWORD" | npm run operators -- create --username mario.rossi --name "Mario Rossi" --role agent --password-stdin
 *
 * Exit codes: 0 done, 1 refused (exists, not found, bad value), 2 usage error.
 */
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, operatorPasswordFromEnv } from '../config/env';
import { createLogger } from '../src/log/logger';
import { connectMongo, createStorage, ensureIndexes, waitForMongo, type OperatorStore } from '../src/storage';
import {
  createOperatorAccount,
  ensureOperatorAccount,
  OPERATOR_ROLES,
  setOperatorDisabled,
  setOperatorPassword,
} from '../src/panel/operator-accounts';
import type { OperatorRole } from '../src/storage';

const COMMANDS = ['create', 'ensure', 'disable', 'enable', 'set-password', 'list'] as const;
type Command = (typeof COMMANDS)[number];

const USAGE = `usage: operators <${COMMANDS.join('|')}> --username U [--name "Display Name"] [--role ${OPERATOR_ROLES.join('|')}] [--team T] [--password-stdin]
  the password comes from stdin (--password-stdin) or VICINATO_OPERATOR_PASSWORD, never from an argument`;

export type CliIo = {
  operators: OperatorStore;
  /** All of standard input. */
  readStdin: () => Promise<string>;
  envPassword?: string;
  out: (line: string) => void;
  err: (line: string) => void;
};

type Parsed = { command: Command; username?: string; name?: string; role?: OperatorRole; team?: string; passwordStdin: boolean };

export function parseArgs(argv: string[]): { ok: true; value: Parsed } | { ok: false; reason: string } {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') return { ok: false, reason: USAGE };
  if (!(COMMANDS as readonly string[]).includes(command)) return { ok: false, reason: `unknown command "${command}"\n${USAGE}` };
  const out: Parsed = { command: command as Command, passwordStdin: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (/^-(-password|p)$/.test(flag) || /^--pass(word)?$/.test(flag))
      return {
        ok: false,
        reason:
          'passwords are never accepted as arguments (they end up in shell history and process lists): use --password-stdin or VICINATO_OPERATOR_PASSWORD',
      };
    const value = () => {
      if (inline !== undefined) return inline;
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    try {
      switch (flag) {
        case '--username':
          out.username = value();
          break;
        case '--name':
          out.name = value();
          break;
        case '--role': {
          const role = value();
          if (!(OPERATOR_ROLES as readonly string[]).includes(role))
            return { ok: false, reason: `--role must be one of ${OPERATOR_ROLES.join(', ')}` };
          out.role = role as OperatorRole;
          break;
        }
        case '--team': {
          const team = value();
          if (!/^[a-z0-9-]{2,32}$/.test(team))
            return { ok: false, reason: "--team must be a team id (see the municipality profile's teams)" };
          out.team = team;
          break;
        }
        case '--password-stdin':
          if (inline !== undefined) return { ok: false, reason: '--password-stdin takes no value: pipe the password into standard input' };
          out.passwordStdin = true;
          break;
        default:
          return { ok: false, reason: `unknown argument "${arg}"\n${USAGE}` };
      }
    } catch (e) {
      return { ok: false, reason: (e as Error).message };
    }
  }
  if (out.command !== 'list' && !out.username) return { ok: false, reason: `--username is required\n${USAGE}` };
  return { ok: true, value: out };
}

async function passwordOf(args: Parsed, io: CliIo): Promise<string | undefined> {
  if (args.passwordStdin) return (await io.readStdin()).split(/\r?\n/)[0];
  return io.envPassword;
}

/** Runs one command; returns the process exit code. */
export async function runOperatorsCli(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.err(parsed.reason);
    return 2;
  }
  const args = parsed.value;
  const username = args.username ?? '';
  const fail = (detail: string) => {
    io.err(`operators ${args.command}: ${detail}`);
    return 1;
  };
  switch (args.command) {
    case 'list': {
      const ops = await io.operators.list();
      if (!ops.length) io.out('no operators');
      for (const o of ops)
        io.out(`${o.username}\t${o.role}\t${o.displayName}\t${o.disabled ? 'disabled' : 'active'}${o.team ? `\t${o.team}` : ''}`);
      return 0;
    }
    case 'disable':
    case 'enable': {
      const r = await setOperatorDisabled(io.operators, username, args.command === 'disable');
      if (!r.ok) return fail(r.detail);
      io.out(`operator "${username.toLowerCase()}" ${args.command}d`);
      return 0;
    }
    case 'create':
    case 'ensure':
    case 'set-password': {
      const password = await passwordOf(args, io);
      if (!password) {
        io.err('no password given: pipe it into --password-stdin or set VICINATO_OPERATOR_PASSWORD');
        return 2;
      }
      const input = { username, displayName: args.name, role: args.role, team: args.team, password };
      const r =
        args.command === 'create'
          ? await createOperatorAccount(io.operators, input)
          : args.command === 'ensure'
            ? await ensureOperatorAccount(io.operators, input)
            : await setOperatorPassword(io.operators, username, password);
      if (!r.ok) return fail(r.detail);
      const o = r.operator;
      const what = args.command === 'set-password' ? 'password changed for' : r.created ? 'created' : 'updated';
      io.out(`${what} operator "${o.username}" (${o.displayName}, role ${o.role})`);
      return 0;
    }
  }
}

function readAllStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  // Refuse bad usage before touching the database.
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.reason}\n`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const line of err.problems) process.stderr.write(`config error: ${line}\n`);
    return 2;
  }
  const logger = createLogger({ level: 'error', json: false });
  const mongo = connectMongo(config.MONGODB_URI, logger);
  try {
    await waitForMongo(mongo, 30_000);
    await ensureIndexes(mongo.connection);
    return await runOperatorsCli(argv, {
      operators: createStorage(mongo.connection).operators,
      readStdin: readAllStdin,
      envPassword: operatorPasswordFromEnv(),
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
  } finally {
    await mongo.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`operators: ${err.message}\n`);
      process.exit(1);
    },
  );
}
