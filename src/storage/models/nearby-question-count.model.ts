import { Schema, type Connection } from 'mongoose';

/** One citizen's "same situation?" questions on one local day (`_id` = `${citizenRef}|${day}`). */
const nearbyQuestionCountSchema = new Schema(
  {
    _id: { type: String, required: true },
    count: { type: Number, default: 0 },
    /** A day's count is useless after the day: MongoDB's TTL monitor removes it. */
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
nearbyQuestionCountSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const nearbyQuestionCountModel = (conn: Connection) =>
  conn.model('NearbyQuestionCount', nearbyQuestionCountSchema, 'nearby_question_counts');
