// whatsapp-web.js pulls in puppeteer: never download a browser at install time.
// The project drives Debian's Chromium (/usr/bin/chromium), see docs/platform-findings.md.
module.exports = { skipDownload: true };
