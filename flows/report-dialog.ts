/** Placeholder until the report flow lands: answers every message with the emergency notice. */
import type { DialogEngine } from '../src/dialog/engine.types';
import type { DialogServices } from '../src/dialog/services';

export function createReportDialogEngine(_services: DialogServices): DialogEngine<unknown> {
  return {
    async handle({ state }) {
      return { state: state ?? {}, replies: [{ text: 'Vicinato: per le emergenze chiama il 112.' }] };
    },
  };
}
