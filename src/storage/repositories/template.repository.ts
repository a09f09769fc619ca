import { Types, type Connection } from 'mongoose';
import type { TemplateStore } from '../../domain/ports';
import type { ReplyTemplate } from '../../domain/reply-template';
import { replyTemplateModel } from '../models/reply-template.model';

type TemplateDoc = Omit<ReplyTemplate, 'id'> & { _id: unknown };
const toTemplate = (d: TemplateDoc): ReplyTemplate => ({
  id: String(d._id),
  name: d.name,
  purpose: d.purpose,
  ...(d.categoryId ? { categoryId: d.categoryId } : {}),
  ...(d.outcome ? { outcome: d.outcome } : {}),
  texts: { it: d.texts.it, en: d.texts.en },
  updatedBy: d.updatedBy,
  updatedAt: d.updatedAt,
});

export function createTemplateRepository(conn: Connection): TemplateStore {
  const Template = replyTemplateModel(conn);
  const valid = (id: string) => Types.ObjectId.isValid(id);
  return {
    async list() {
      return (await Template.find().sort({ purpose: 1, name: 1 }).lean<TemplateDoc[]>()).map(toTemplate);
    },
    async get(id) {
      if (!valid(id)) return null;
      const d = await Template.findById(id).lean<TemplateDoc>();
      return d ? toTemplate(d) : null;
    },
    async create(input) {
      const d = await Template.create(input);
      return toTemplate(d.toObject() as TemplateDoc);
    },
    async update(id, input) {
      if (!valid(id)) return null;
      const $unset = { ...(input.categoryId ? {} : { categoryId: 1 }), ...(input.outcome ? {} : { outcome: 1 }) };
      const d = await Template.findByIdAndUpdate(
        id,
        { $set: input, ...(Object.keys($unset).length ? { $unset } : {}) },
        { returnDocument: 'after' },
      ).lean<TemplateDoc>();
      return d ? toTemplate(d) : null;
    },
    async remove(id) {
      if (!valid(id)) return false;
      return (await Template.deleteOne({ _id: id })).deletedCount === 1;
    },
  };
}
