/** The citizen's report dialog: the report flow (flows/report.flow.ts) on the generic engine. */
import type { DialogEngine } from '../src/dialog/engine.types';
import { createDialogEngine } from '../src/dialog/engine';
import type { DialogServices } from './services';
import { reportFlow, type ReportDialogState } from './report.flow';

export type { ReportDialogState as DialogState } from './report.flow';

export function createReportDialogEngine(services: DialogServices): DialogEngine<ReportDialogState> {
  return createDialogEngine(reportFlow, services);
}
