/** The pipeline's backlogs as MongoDB sees them, for the metrics: what waits and since when. */
import type { Connection } from 'mongoose';

export function backlogProbe(conn: Connection) {
  const oldest = async (collection: string, filter: object, field: string) => {
    const coll = conn.collection(collection);
    const [count, first] = await Promise.all([
      coll.countDocuments(filter),
      coll
        .find(filter, { projection: { [field]: 1 } })
        .sort({ [field]: 1 })
        .limit(1)
        .next(),
    ]);
    return { count, oldestAt: first?.[field] instanceof Date ? (first[field] as Date) : undefined };
  };
  return async () => ({
    inbox: await oldest('inbox_messages', { state: 'received' }, 'receivedAt'),
    outbound: await oldest('outbound_messages', { state: 'queued' }, 'createdAt'),
  });
}
