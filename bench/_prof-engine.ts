import { loadMunicipalityProfile } from '../config/municipality';
import { createReportDialogEngine } from '../flows/report-dialog';
import type { InboundPayload } from '../src/domain/message';
import { createInMemoryMediaStore, createInMemoryStorage } from '../tests/support/in-memory';
import { disabledGeocoder } from '../src/geo/geocoder';
import { loadTerritory, municipalityDir } from '../src/geo/territory';
import { FULL_REPORT_SCRIPT, makeJpeg, type ScriptStep } from '../tests/support/report-script';
import { atPlace, distinctPlaces } from './bench-env';
const NOW = new Date('2026-11-18T09:30:00Z');
async function main() {
  const memory = createInMemoryStorage();
  const territory = loadTerritory(municipalityDir('capannori'));
  const services = { geocoder: disabledGeocoder, territory, municipality: loadMunicipalityProfile('capannori'), limits: { reportsPerDay: Number.MAX_SAFE_INTEGER },
    retention: { messagesDays: 90, identityLinkMonths: 12, auditYears: 10, photosMonths: 12 },
    reports: memory.reports, media: createInMemoryMediaStore(5 * 1024 * 1024), confirmations: memory.confirmations, subscriptions: memory.subscriptions,
    nearbyQuestions: memory.nearbyQuestions, citizenData: memory.citizenData, audit: memory.audit } as any;
  const saved = await services.media.saveImage(await makeJpeg());
  const engine = createReportDialogEngine(services);
  const payloadOf = (step: ScriptStep): InboundPayload => 'text' in step ? { kind: 'text', text: step.text } : 'location' in step ? { kind: 'location', point: step.location } : { kind: 'photo', mediaRef: saved.ref, mimeType: saved.mimeType };
  const placeFor = distinctPlaces(territory);
  const t0 = performance.now(); let msgs = 0;
  for (let n = 0; performance.now() - t0 < Number(process.env.SECS ?? 4) * 1000; n++) {
    const script = atPlace(FULL_REPORT_SCRIPT, placeFor(n)); const chatId = `e-${n}`; let state: any = null;
    for (const [i, step] of script.entries()) {
      const turn = await engine.handle({ state, message: { channel: 'simulator', chatId, messageId: `${chatId}-${i}`, sender: { platformId: chatId }, receivedAt: NOW, payload: payloadOf(step) }, citizenRef: `ref-${chatId}`, now: NOW });
      state = turn.state; msgs++;
    }
    if (n % 200 === 0) { memory.db.reports.clear(); memory.db.nearbyQuestions.clear(); }
  }
  console.log('msgs/s', (msgs / ((performance.now() - t0) / 1000)).toFixed(0));
}
main().then(() => process.exit(0));
