/** Every collection of a database searched for a value, as a data protection officer's audit would. */
import type { Connection } from 'mongoose';

/** The collections (and a document's first 200 characters) where `needle` appears anywhere, as text. */
export async function whereStored(conn: Connection, needle: string): Promise<string[]> {
  const found: string[] = [];
  const collections = await conn.db!.listCollections().toArray();
  for (const { name } of collections) {
    for await (const doc of conn.db!.collection(name).find({})) {
      const text = JSON.stringify(doc);
      if (text.includes(needle)) found.push(`${name}: ${text.slice(0, 200)}`);
    }
  }
  return found;
}
