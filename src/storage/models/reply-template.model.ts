import { Schema, type Connection } from 'mongoose';

/** Reply templates for agents' questions and closing words, one text per language. */
const replyTemplateSchema = new Schema(
  {
    name: { type: String, required: true },
    purpose: { type: String, enum: ['ask_info', 'close'], required: true },
    categoryId: String,
    outcome: String,
    texts: { it: { type: String, required: true }, en: { type: String, required: true } },
    updatedBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false },
);
replyTemplateSchema.index({ purpose: 1, name: 1 });

export const replyTemplateModel = (conn: Connection) => conn.model('ReplyTemplate', replyTemplateSchema, 'reply_templates');
