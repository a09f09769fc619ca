/** Placeholder: the whatsapp-cloud channel is not wired yet. */
import type { ChannelContext } from '../channel-context';
import type { ChannelModule } from '../channel-module';

export function createWhatsappCloudChannel(_ctx: ChannelContext): ChannelModule | undefined {
  return undefined;
}
