/**
 * Shows the login QR code to an operator at the terminal. The QR is a login credential: it goes to
 * an interactive terminal only, never into log files (the panel shows it to admins otherwise).
 */
import qrcodeTerminal from 'qrcode-terminal';
import type { Logger } from '../../src/log/logger';

export function createTerminalQrPrinter(logger: Logger, out: NodeJS.WriteStream = process.stdout) {
  let hinted = false;
  return (qr: string) => {
    if (!out.isTTY) {
      if (!hinted) logger.warn('whatsapp: waiting for a QR scan: open the operator panel (WhatsApp status) to see the code');
      hinted = true;
      return;
    }
    qrcodeTerminal.generate(qr, { small: true }, (art) => {
      out.write(`\nWhatsApp: scan this code with the municipality's phone (WhatsApp > Linked devices > Link a device)\n${art}\n`);
    });
  };
}
