/** Places in words a stranger may read: a street without its house number. */

/** "Piazza Aldo Moro 1, Capannori" -> "Piazza Aldo Moro, Capannori"; also "Via Roma 12/A", "Via Roma, 3 bis". */
export function streetOnly(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const parts = address
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const [first, ...rest] = parts;
  if (!first) return undefined;
  const HOUSE_NUMBER = /^(?:n\.?\s*|nr\.?\s*)?\d+\s*(?:[/-]?\s*[a-z]{1,3}|bis|ter)?$/i;
  const street = first.replace(/\s+(?:n\.?\s*|nr\.?\s*)?\d+\s*(?:[/-]?\s*[a-z]{1,3}|bis|ter)?$/i, '').trim();
  // A house number written as its own part ("Via Roma, 12") is dropped too.
  const others = rest.filter((part) => !HOUSE_NUMBER.test(part));
  if (!street || /^\d/.test(street)) return others.join(', ') || undefined;
  return [street, ...others].join(', ');
}
