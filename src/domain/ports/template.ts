/** Port of the reply templates supervisors manage (src/domain/reply-template.ts). Implemented by src/storage. */
import type { ReplyTemplate } from '../reply-template';

export type TemplateInput = Omit<ReplyTemplate, 'id' | 'updatedAt'>;

export interface TemplateStore {
  list(): Promise<ReplyTemplate[]>;
  get(id: string): Promise<ReplyTemplate | null>;
  create(input: TemplateInput): Promise<ReplyTemplate>;
  update(id: string, input: TemplateInput): Promise<ReplyTemplate | null>;
  remove(id: string): Promise<boolean>;
}
