import { describe, expect, it } from 'vitest';
import { tileSource } from '../../../src/panel/security-headers';

describe('tileSource', () => {
  it.each([
    ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org'],
    ['https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png', 'https://*.tile.openstreetmap.fr'],
    ['http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png', 'http://127.0.0.1:8080'],
    ['https://tiles-{s}.example.org/{z}/{x}/{y}.png', 'https://*.example.org'],
    ['https://maps.{s}.example.org/{z}/{x}/{y}.png', 'https:'],
    ['', undefined],
    ['/local/{z}/{x}/{y}.png', undefined],
  ])('%s -> %s', (template, expected) => {
    expect(tileSource(template)).toBe(expected);
  });
});
