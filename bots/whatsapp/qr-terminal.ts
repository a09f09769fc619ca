/**
 * Shows the login QR code to an operator at the terminal. The QR is a login credential: it goes to
 * an interactive terminal only, never into log files (the panel shows it to admins otherwise).
 */
import QRCode from 'qrcode';
import type { Logger } from '../../src/log/logger';

export function createTerminalQrPrinter(logger: Logger, out: NodeJS.WriteStream = process.stdout) {
  let hinted = false;
  return (qr: string) => {
    if (!out.isTTY) {
      if (!hinted) logger.warn('whatsapp: waiting for a QR scan: open the operator panel (WhatsApp status) to see the code');
      hinted = true;
      return;
    }
    // `small` draws two modules per character with half blocks, so the code fits an 80x24 terminal.
    QRCode.toString(qr, { type: 'terminal', small: true })
      .then((art) => {
        out.write(`\nWhatsApp: scan this code with the municipality's phone (WhatsApp > Linked devices > Link a device)\n${art}\n`);
      })
      .catch((err: unknown) => logger.warn(`whatsapp: cannot draw the QR code at the terminal: ${String(err)}`));
  };
}
