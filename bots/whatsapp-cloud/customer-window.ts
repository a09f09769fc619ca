/**
 * WhatsApp's customer service window: free-form messages may be sent only within 24 hours of the
 * citizen's last message; after that only approved templates.
 */
import type { CitizenRefOf } from '../../src/app/intake/citizen-ref';
import type { IdentityStore } from '../../src/domain/ports';

export const CUSTOMER_WINDOW_MS = 24 * 60 * 60 * 1000;

export function isWindowOpen(lastInboundAt: Date | undefined, now: Date): boolean {
  if (!lastInboundAt) return false;
  const age = now.getTime() - new Date(lastInboundAt).getTime();
  return age < CUSTOMER_WINDOW_MS;
}

/** When the citizen behind a Cloud API chat last wrote, from the identity store (keyed by citizenRef). */
export function lastInboundLookup(deps: { identities: IdentityStore; citizenRefOf: CitizenRefOf }) {
  return async (chatId: string): Promise<Date | undefined> => {
    const identity = await deps.identities.get(deps.citizenRefOf('whatsapp-cloud', chatId));
    return identity?.lastInboundAt ?? undefined;
  };
}
