/**
 * When MongoDB cannot store a notification, the webhook answers 500 so Meta delivers it again:
 * the channel built as src/main.ts builds it, on a MongoDB address where nothing listens.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWhatsappCloudChannel } from '../../../bots/whatsapp-cloud';
import { createChannelHarness, serveChannel, type ChannelHarness } from '../../support/channel-harness';
import { startFakeGraphApi, type FakeGraphApi } from '../../support/fake-graph-api';
import { CLOUD, cloudSettings, messagesNotification, postWebhook, statusNotification, waMessage } from './meta-webhook';

let graph: FakeGraphApi;
let harness: ChannelHarness;
let served: Awaited<ReturnType<typeof serveChannel>>;
let url: string;

beforeAll(async () => {
  graph = await startFakeGraphApi({ token: CLOUD.token, phoneNumberId: CLOUD.phoneNumberId });
  harness = await createChannelHarness({ SERVICES: 'web', ...cloudSettings(graph.base) }, { mongoDown: true });
  served = await serveChannel(createWhatsappCloudChannel(harness.ctx)!, harness.ctx.logger);
  url = served.url;
});

afterAll(async () => {
  await served?.close();
  await harness?.close();
  await graph?.close();
});

it('answers 500 to a message it could not store, so Meta retries', async () => {
  const res = await postWebhook(url, messagesNotification({ waId: '393330000001', name: 'Anna' }, waMessage.text('Ciao')));
  expect(res.status).toBe(500);
  expect((await res.json()).error).toMatch(/retry/);
});

it('answers 500 to statuses it could not record', async () => {
  const res = await postWebhook(url, statusNotification({ wamid: 'wamid.X', status: 'read', recipient: '393330000001' }));
  expect(res.status).toBe(500);
});
