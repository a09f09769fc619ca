/** CitizenDataStore contract (with the identity and inbox ports it reads): MongoDB repositories and in-memory adapters answer alike. */
import { expect, it } from 'vitest';
import type { InboundMessage } from '../../../../src/domain/message';
import { forEachAdapter, newReport } from './adapters';

const AT = new Date('2026-11-18T10:00:00Z');
const message = (chatId: string, messageId: string): InboundMessage => ({
  channel: 'telegram',
  chatId,
  messageId,
  sender: { platformId: chatId, phone: '+393331234567' },
  receivedAt: AT,
  payload: { kind: 'text', text: 'ciao' },
});

forEachAdapter((ports) => {
  async function citizenWithData() {
    const chatId = `chat-${Math.random()}`;
    const ref = `cit_rights_${chatId}`;
    const own = (await ports().reports.createOnce(newReport({ citizenRef: ref, address: undefined, observedWhen: { text: 'da tre giorni', kind: 'since' } }))).report;
    await ports().reports.addCitizenInfo(own.id, { messageId: 'extra', at: AT, text: 'altro dettaglio', mediaRef: 'p2' });
    const other = (await ports().reports.createOnce(newReport())).report;
    await ports().confirmations.addConfirmation(other.id, {
      messageId: `c-${chatId}`, at: AT, citizenRef: ref, channel: 'telegram', language: 'it', reliability: 'seen', description: 'anche io', photoRefs: [],
    });
    await ports().subscriptions.add({ citizenRef: ref, channel: 'telegram', language: 'it', kind: 'zone', zoneId: 'marlia', label: 'Marlia', sourceMessageKey: `s-${chatId}` });
    for (const id of ['m1', 'm2', 'm3']) await ports().inbox.save(message(chatId, `${chatId}-${id}`), ref);
    await ports().identities.upsertFromInbound(ref, message(chatId, `${chatId}-m1`));
    return { chatId, ref, own, other };
  }

  it("collects what is held about a citizen", async () => {
    const { ref, own, other } = await citizenWithData();
    expect(await ports().citizenData.collect(ref)).toEqual({
      hasContact: true,
      reports: [
        {
          ticketCode: own.ticketCode, status: 'new', categoryId: 'abandoned_waste', createdAt: own.createdAt,
          description: 'Sacchi di rifiuti davanti al municipio', observedWhen: 'da tre giorni', photos: 2, added: [{ at: AT, text: 'altro dettaglio', photo: true }],
        },
      ],
      followed: [{ ticketCode: other.ticketCode, status: 'new' }],
      subscriptions: [{ kind: 'zone', label: 'Marlia', createdAt: expect.any(Date) }],
      messageCount: 3,
    });
    expect(await ports().citizenData.reportIdsOf(ref)).toEqual([own.id]);
    expect(await ports().citizenData.markRight(ref, { right: 'access', at: AT })).toBe(1);
    expect((await ports().reports.get(own.id))?.citizenRights).toEqual([{ right: 'access', at: AT }]);
  });

  it('erases the person and keeps the reports without them (the asking message stays)', async () => {
    const { chatId, ref, own, other } = await citizenWithData();
    const counts = await ports().citizenData.erase(ref, 'erased-abc', { channel: 'telegram', chatId, messageId: `${chatId}-m3` }, { right: 'erasure', at: AT });
    expect(counts).toEqual({ reportsPseudonymised: 1, confirmationsUnlinked: 1, subscriptions: 1, messages: 2, replies: 0, identity: 1 });
    // The report stays for the police as it was: the description and the time words (their words, kept alike).
    expect(await ports().reports.get(own.id)).toMatchObject({
      citizenRef: 'erased-abc',
      citizenRights: [{ right: 'erasure', at: AT }],
      description: 'Sacchi di rifiuti davanti al municipio',
      observedWhen: { text: 'da tre giorni', kind: 'since' },
    });
    const followed = await ports().confirmations.get(other.id);
    expect(followed?.followers).toEqual([]);
    expect(followed?.confirmationsList.map((c) => c.citizenRef)).toEqual(['erased-abc']);
    expect(await ports().identities.get(ref)).toBeNull();
    expect(await ports().inbox.get('telegram', `${chatId}-m3`)).not.toBeNull();
    expect(await ports().inbox.get('telegram', `${chatId}-m1`)).toBeNull();
    expect(await ports().citizenData.collect(ref)).toEqual({ hasContact: false, reports: [], followed: [], subscriptions: [], messageCount: 1 });
  });

  it('stops processing on withdrawal: reports marked, no alerts, no following', async () => {
    const { ref, own, other } = await citizenWithData();
    expect(await ports().citizenData.stopProcessing(ref, { right: 'withdrawal', at: AT })).toEqual({ subscriptions: 1, reports: 1, followed: 1 });
    expect(await ports().reports.get(own.id)).toMatchObject({ citizenOptedOut: true, citizenRights: [{ right: 'withdrawal', at: AT }] });
    expect((await ports().confirmations.get(other.id))?.followers).toEqual([]);
    expect((await ports().confirmations.get(other.id))?.confirmationsList.map((c) => c.citizenRef)).toEqual([ref]);
  });
});
