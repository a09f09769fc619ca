/**
 * The panel's words by language (Italian is the default): the front end's dictionaries
 * (src/panel/web/src/i18n) and the API's labels and error texts read them from here.
 * No imports but these files, so the front end's bundle can include it.
 */
import type { Language } from '../../domain/message';
import { en } from './en';
import { it, type PanelTexts } from './it';

export const panelTexts: Record<Language, PanelTexts> = { it, en };
export type { PanelTexts };
