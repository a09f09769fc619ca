/**
 * Advisories to area-alert subscribers: their length limit. What the subscriber reads around the
 * supervisor's words is in src/texts/citizen (notices.*.ts advisory, notice-text.ts advisoryText).
 */

export const ADVISORY_MAX_CHARS = 1000;
