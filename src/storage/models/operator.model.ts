import { Schema, type Connection } from 'mongoose';

export const OPERATOR_ROLES = ['agent', 'supervisor', 'admin'] as const;

/** Panel accounts: municipal police agents, supervisors and admins. */
const operatorSchema = new Schema(
  {
    username: { type: String, required: true },
    displayName: { type: String, required: true },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: OPERATOR_ROLES, required: true },
    disabled: { type: Boolean, default: false },
    language: { type: String, enum: ['it', 'en'], default: 'it' },
  },
  { timestamps: true },
);
operatorSchema.index({ username: 1 }, { unique: true });

export const operatorModel = (conn: Connection) => conn.model('Operator', operatorSchema, 'operators');
