/** Placeholder: the whatsapp channel is not wired yet. */
import type { ChannelContext } from '../channel-context';
import type { ChannelModule } from '../channel-module';

export function createWhatsappWebChannel(_ctx: ChannelContext): ChannelModule | undefined {
  return undefined;
}
