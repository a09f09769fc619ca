import { Schema, type Connection } from 'mongoose';

/** Named monotonic counters (ticket numbers per year), incremented atomically. */
const counterSchema = new Schema({ _id: { type: String, required: true }, value: { type: Number, default: 0 } });

export const counterModel = (conn: Connection) => conn.model('Counter', counterSchema, 'counters');
