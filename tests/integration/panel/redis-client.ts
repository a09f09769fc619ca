/** A plain ioredis client on the suite's Redis, for writing what another role would write. */
import { Redis } from 'ioredis';

export const createClient = (url: string) => new Redis(url, { maxRetriesPerRequest: 1 });
