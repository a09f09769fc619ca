/**
 * The web simulator channel: a citizen's chat without a phone. Its "sending" is recording: the chat
 * history is the outbound log, read back by GET /api/simulator/chats/{chatId}/messages.
 */
import type { InboxStore } from '../../src/domain/ports';
import type { ChannelContext } from '../channel-context';
import type { ChannelModule } from '../channel-module';
import { simulatorRouter } from './simulator.routes';

export function createSimulatorChannel(ctx: ChannelContext, inbox: InboxStore): ChannelModule | undefined {
  if (!ctx.config.simulatorEnabled) return undefined;
  return {
    channel: 'simulator',
    sender: {
      channel: 'simulator',
      // Nothing to transmit: the simulator reads its chat from the outbound log.
      async send() {
        return {};
      },
    },
    http: { mountPath: '/', router: simulatorRouter(ctx, inbox) },
    // Its chat is the outbound log read in recorded order: nothing to throttle, nothing to wait for.
    sendsInline: true,
  };
}
