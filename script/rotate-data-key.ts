/**
 * Re-encrypts stored personal data under the current DATA_ENCRYPTION_KEY (after a key rotation, or
 * once after upgrading from a version that stored it in clear). Settings from the environment:
 *
 *   DATA_ENCRYPTION_KEY=<new> DATA_ENCRYPTION_KEY_ID=k2 DATA_ENCRYPTION_OLD_KEYS=k1:<old> npm run rotate-data-key
 *
 * Safe to run while the service runs (it reads old and new keys alike) and to run again.
 */
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../config/env';
import { createLogger } from '../src/log/logger';
import { fieldCipherFromSettings } from '../src/security/field-cipher';
import { reencryptPersonalData } from '../src/security/reencrypt-personal-data';
import { connectMongo, waitForMongo } from '../src/storage';

export async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const line of err.problems) process.stderr.write(`config error: ${line}\n`);
    return 2;
  }
  const mongo = connectMongo(config.MONGODB_URI, createLogger({ level: 'error', json: false }));
  try {
    await waitForMongo(mongo, 30_000);
    const counts = await reencryptPersonalData(mongo.connection, fieldCipherFromSettings(config));
    for (const [collection, n] of Object.entries(counts)) process.stdout.write(`${collection}: ${n} documents updated\n`);
    process.stdout.write(`personal data is under key "${config.DATA_ENCRYPTION_KEY_ID}"\n`);
    return 0;
  } finally {
    await mongo.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then((code) => process.exit(code));
}
