/** The WhatsApp login QR at the operator's terminal, drawn by `qrcode` (no second QR library). */
import { describe, expect, it, vi } from 'vitest';
import { createTerminalQrPrinter } from '../../../bots/whatsapp/qr-terminal';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, out: { isTTY, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream };
}

describe('terminal QR printer', () => {
  it('draws the code with block characters on an interactive terminal', async () => {
    const { written, out } = stream(true);
    const logger = { warn: vi.fn() };
    createTerminalQrPrinter(logger as never, out)('2@login-token,public-key,secret');
    await vi.waitFor(() => expect(written).toHaveLength(1));
    const lines = written[0]!.split('\n').filter((l) => /[█▀▄]/.test(l));
    expect(written[0]).toMatch(/Linked devices/);
    expect(lines.length).toBeGreaterThanOrEqual(10); // half-block rows: a version-2+ code is 25+ modules high
    expect(written[0]).not.toMatch(/login-token/); // the credential itself is not printed as text
  });

  it('never writes the code when the output is not a terminal (e.g. a log file), and hints once', () => {
    const { written, out } = stream(false);
    const logger = { warn: vi.fn() };
    const print = createTerminalQrPrinter(logger as never, out);
    print('2@first');
    print('2@second');
    expect(written).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
