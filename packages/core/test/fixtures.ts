// Test fixtures: the embedded dataset and the committed source files.
import { readFileSync } from 'node:fs';
import { loadDataset } from '@diachiso/data';
import { parse } from 'csv-parse/sync';
import { Gazetteer } from '../src/index.js';
import { StreetDirectory } from '../src/internal.js';

export const SOURCE = new URL('../../data/source/', import.meta.url);

export function sourceCsv(rel: string): Record<string, string>[] {
  return parse(readFileSync(new URL(rel, SOURCE), 'utf8'), { columns: true, bom: true, skip_empty_lines: true });
}

export function sourceText(rel: string): string {
  return readFileSync(new URL(rel, SOURCE), 'utf8');
}

let g: Promise<Gazetteer> | undefined;
export function gazetteer(): Promise<Gazetteer> {
  g ??= loadDataset(['admin', 'legacy']).then((d) => new Gazetteer(d.parts.admin, d.parts.legacy));
  return g;
}

let streets: Promise<{ g: Gazetteer; streets: StreetDirectory }> | undefined;
/** The gazetteer and the street directory, as whole-address verification uses them (loaded once). */
export function addressData(): Promise<{ g: Gazetteer; streets: StreetDirectory }> {
  streets ??= loadDataset(['admin', 'legacy', 'streets']).then((d) => ({
    g: new Gazetteer(d.parts.admin, d.parts.legacy),
    streets: new StreetDirectory(d.parts.streets),
  }));
  return streets;
}

/** `Phường Vĩnh Hải, Thành phố Nha Trang` → `P. Vĩnh Hải, TP. Nha Trang`. */
export function abbreviate(s: string): string {
  return s
    .replace(/\bThành phố /gu, 'TP. ')
    .replace(/\bThị trấn /gu, 'TT. ')
    .replace(/\bThị xã /gu, 'TX. ')
    .replace(/\bPhường /gu, 'P. ')
    .replace(/\bXã /gu, 'X. ')
    .replace(/\bHuyện /gu, 'H. ')
    .replace(/\bQuận /gu, 'Q. ')
    .replace(/\bTỉnh /gu, 'T. ');
}

/** Removes diacritics and đ, the way people type on a phone without a Vietnamese keyboard. */
export function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
