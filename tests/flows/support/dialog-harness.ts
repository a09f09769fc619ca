/**
 * The report dialog engine on the in-memory adapters of its ports (tests/support/in-memory, held
 * to the MongoDB repositories' behaviour by tests/integration/storage/contracts), Capannori's
 * territory and profile, and the Nominatim geocoder pointed at the fake Nominatim. A `Chat` plays
 * one citizen, keeping the saved state between messages like the intake pipeline does, on a clock
 * the test controls. The whole service on the real servers is tested in tests/integration and
 * tests/flows/simulator-report.test.ts.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { loadMunicipalityProfile, type MunicipalityProfile } from '../../../config/municipality';
import { createReportDialogEngine } from '../../../flows/report-dialog';
import type { ReportDialogState } from '../../../flows/report.flow';
import type { DialogReply, DialogTurn } from '../../../src/dialog/engine.types';
import type { Channel, InboundMessage, InboundPayload } from '../../../src/domain/message';
import type { ConfirmationStore, MediaStore, ReportStore, SubscriptionStore } from '../../../src/domain/ports';
import { createNominatimGeocoder } from '../../../src/geo/geocoder';
import { loadTerritory, municipalityDir } from '../../../src/geo/territory';
import { createInMemoryMediaStore, createInMemoryStorage, type InMemoryStorage } from '../../support/in-memory';
import { startFakeNominatim, type FakeNominatim } from '../../support/fake-nominatim';
import { makeJpeg } from '../../support/report-script';

/** A Wednesday morning in Capannori: the service is open. */
export const OPEN_TIME = new Date('2026-11-18T09:30:00Z');
/** The same Wednesday at 22:30 local time: closed until 08:00 on Thursday. */
export const CLOSED_TIME = new Date('2026-11-18T21:30:00Z');

export const MEDIA_MAX_BYTES = 2 * 1024 * 1024;
/** The per-citizen daily report limit in dialog tests (tests/flows/abuse-limits). */
export const REPORTS_PER_DAY = 3;

export type Input =
  | string
  | { text: string }
  | { location: { lat: number; lng: number }; label?: string }
  | { photo: true; caption?: string }
  | { photoFailure: string }
  | { other: string };

export type Harness = {
  reports: ReportStore;
  confirmations: ConfirmationStore;
  subscriptions: SubscriptionStore;
  /** Every port the dialog uses, and the documents themselves (`storage.db`) for what a test sets up or counts. */
  storage: InMemoryStorage;
  /** Sets the creation time of the reports matching (the stores stamp the real time; tests move it back). */
  backdateReports(match: { id?: string; citizenRef?: string }, createdAt: Date): void;
  /**
   * Deletes every report: transcripts that each send a report at the same place start from an
   * empty town, so none of them meets another's report as a "same situation?" candidate.
   */
  resetReports(): Promise<void>;
  media: MediaStore;
  municipality: MunicipalityProfile;
  nominatim: FakeNominatim;
  engine: ReturnType<typeof createReportDialogEngine>;
  chat(options?: ChatOptions): Chat;
  close(): Promise<void>;
};

export type ChatOptions = { chatId?: string; languageCode?: string; start?: Date; channel?: Channel };

let chatCounter = 0;

export class Chat {
  state: ReportDialogState | null = null;
  now: Date;
  readonly chatId: string;
  readonly citizenRef: string;
  readonly channel: Channel;
  private seq = 0;

  constructor(
    private readonly harness: Harness,
    private readonly options: ChatOptions,
  ) {
    this.chatId = options.chatId ?? `chat-${process.pid}-${++chatCounter}`;
    this.citizenRef = `cref-${this.chatId}`;
    this.channel = options.channel ?? 'simulator';
    this.now = options.start ?? OPEN_TIME;
  }

  /** Moves the clock on (one minute per message happens anyway). */
  wait(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }

  async payloadOf(input: Input): Promise<InboundPayload> {
    if (typeof input === 'string') return { kind: 'text', text: input };
    if ('text' in input) return { kind: 'text', text: input.text };
    if ('location' in input) return { kind: 'location', point: input.location, ...(input.label ? { label: input.label } : {}) };
    if ('photo' in input) {
      const saved = await this.harness.media.saveImage(await makeJpeg());
      if (!saved.ok) throw new Error(`test photo rejected: ${saved.reason}`);
      return { kind: 'photo', mediaRef: saved.ref, mimeType: saved.mimeType, ...(input.caption ? { caption: input.caption } : {}) };
    }
    if ('photoFailure' in input) return { kind: 'photo', failure: input.photoFailure };
    return { kind: 'other', platformType: input.other };
  }

  /** Message ids are unique per channel, as platforms' ids are (the report's idempotency key uses them). */
  message(payload: InboundPayload, messageId = `${this.chatId}-m${++this.seq}`): InboundMessage {
    return {
      channel: this.channel,
      chatId: this.chatId,
      messageId,
      sender: { platformId: this.chatId, ...(this.options.languageCode ? { languageCode: this.options.languageCode } : {}) },
      receivedAt: this.now,
      payload,
    };
  }

  /** Sends one message and keeps the new state, like the pipeline. */
  async send(input: Input): Promise<DialogTurn<ReportDialogState>> {
    this.wait(60_000);
    const message = this.message(await this.payloadOf(input));
    const turn = await this.harness.engine.handle({ state: this.state, message, citizenRef: this.citizenRef, now: this.now });
    this.state = turn.state;
    return turn;
  }

  /** Sends several messages, returning the last turn. */
  async sendAll(inputs: Input[]): Promise<DialogTurn<ReportDialogState>> {
    let turn: DialogTurn<ReportDialogState> | undefined;
    for (const input of inputs) turn = await this.send(input);
    return turn!;
  }
}

/**
 * One harness for a test file: started before its tests, closed after them, and (unless told
 * otherwise) every test starts in a town with no open reports (see Harness.resetReports).
 */
export function useDialogHarness(onStarted: (h: Harness) => void, opts: { resetReportsAfterEach?: boolean } = {}) {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startDialogHarness();
    onStarted(harness);
  });
  if (opts.resetReportsAfterEach !== false) afterEach(() => harness?.resetReports());
  afterAll(async () => {
    await harness?.close();
  });
}

export async function startDialogHarness(): Promise<Harness> {
  const storage = createInMemoryStorage();
  const { reports, confirmations, subscriptions, nearbyQuestions } = storage;
  const media = createInMemoryMediaStore(MEDIA_MAX_BYTES);
  const territory = loadTerritory(municipalityDir('capannori'));
  const municipality = loadMunicipalityProfile('capannori');
  const nominatim = await startFakeNominatim();
  const geocoder = createNominatimGeocoder({
    baseUrl: nominatim.url,
    userAgent: 'Vicinato tests (tests@vicinato.example)',
    countryCodes: 'it',
    viewbox: territory.bbox(),
    timeoutMs: 1500,
    cacheSize: 0,
  });
  const engine = createReportDialogEngine({
    reports,
    media,
    geocoder,
    territory,
    municipality,
    confirmations,
    subscriptions,
    nearbyQuestions,
    citizenData: storage.citizenData,
    audit: storage.audit,
    limits: { reportsPerDay: REPORTS_PER_DAY },
    retention: { messagesDays: 90, identityLinkMonths: 12, auditYears: 10, photosMonths: 12 },
  });
  const harness: Harness = {
    reports,
    confirmations,
    subscriptions,
    storage,
    backdateReports(match, createdAt) {
      for (const [id, r] of storage.db.reports)
        if ((match.id === undefined || id === match.id) && (match.citizenRef === undefined || r.citizenRef === match.citizenRef)) r.createdAt = createdAt;
    },
    async resetReports() {
      storage.db.reports.clear();
      storage.db.nearbyQuestions.clear();
    },
    media,
    municipality,
    nominatim,
    engine,
    chat: (options = {}) => new Chat(harness, options),
    async close() {
      await nominatim.close();
      storage.db.clear();
    },
  };
  return harness;
}

/** All reply texts of a turn, joined, for "contains" checks. */
export const allText = (replies: DialogReply[]): string => replies.map((r) => r.text).join('\n---\n');
export const lastReply = (replies: DialogReply[]): DialogReply => replies[replies.length - 1];
