/** Staff buttons as a Bot API inline keyboard. */
import type { StaffButton } from '../../src/domain/ports';

export const inlineKeyboard = (rows: StaffButton[][]) => ({
  inline_keyboard: rows.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))),
});
