/** Ticket codes citizens read and quote: VIC-<year>-<six-digit sequence>. */
export function formatTicketCode(year: number, sequence: number): string {
  return `VIC-${year}-${String(sequence).padStart(6, '0')}`;
}

export const TICKET_CODE_PATTERN = /^VIC-\d{4}-\d{6,}$/;
