import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalSpelling, findMarkers, fold, foldWithOffsets, queryKey, tokenize } from './normalize.js';

test('fold removes diacritics, đ and case, for NFC and NFD input alike', () => {
  assert.equal(fold('Phường Vĩnh Hải'), 'phuong vinh hai');
  assert.equal(fold('ĐẶC KHU TRƯỜNG SA'), 'dac khu truong sa');
  const nfd = 'Khánh Hòa'.normalize('NFD');
  assert.notEqual(nfd, 'Khánh Hòa');
  assert.equal(fold(nfd), 'khanh hoa');
});

test('offsets point back into the original, NFD included', () => {
  const nfd = 'Phường Vĩnh Hải'.normalize('NFD');
  const f = foldWithOffsets(nfd);
  assert.equal(f.folded, 'phuong vinh hai');
  assert.equal(f.offsets.length, f.folded.length + 1);
  const a = f.folded.indexOf('vinh');
  const orig = nfd.slice(f.offsets[a], f.offsets[a + 4]);
  assert.equal(orig.normalize('NFC'), 'Vĩnh');
});

test('both tone placements have one canonical spelling', () => {
  assert.equal(canonicalSpelling('Khánh Hoà'), 'Khánh Hòa');
  assert.equal(canonicalSpelling('thuỷ'), 'thủy');
  assert.equal(canonicalSpelling('khoẻ'), 'khỏe');
  assert.equal(canonicalSpelling('Hoàng'), 'Hoàng'); // tone stays on a: not a final "oa"
  assert.equal(canonicalSpelling('Ninh Hoà, Hoà Trí'), 'Ninh Hòa, Hòa Trí');
});

test('markers: abbreviations, full words and numbered wards', () => {
  const types = (s: string) => findMarkers(tokenize(s)).map((m) => m.type + (m.number ? `:${m.number}` : ''));
  assert.deepEqual(types('P. Vĩnh Hải, TP. Nha Trang, T. Khánh Hòa'), ['phuong', 'thanh-pho', 'tinh']);
  assert.deepEqual(types('F10 Q.Tân Bình'), ['phuong:10', 'quan']);
  assert.deepEqual(types('phường 10, quận 3'), ['phuong:10', 'quan:3']);
  assert.deepEqual(types('F.10'), ['phuong:10']);
  assert.deepEqual(types('TX. Ninh Hòa, H. Cam Lâm'), ['thi-xa', 'huyen']);
  assert.deepEqual(types('TT. Cam Đức, X. Cam Hải Tây'), ['thi-tran', 'xa']);
  assert.deepEqual(types('T.P Nha Trang'), ['thanh-pho']);
  assert.deepEqual(types('Đặc khu Trường Sa'), ['dac-khu']);
});

test('queryKey drops markers, keeps ward numbers, expands KH', () => {
  assert.deepEqual(queryKey('P. Vinh Hai, TP Nha Trang').words, ['vinh', 'hai', 'nha', 'trang']);
  assert.deepEqual(queryKey('F10, Q. Tân Bình').words, ['10', 'tan', 'binh']);
  assert.deepEqual(queryKey('Phước Hải, KH').words, ['phuoc', 'hai', 'khanh', 'hoa']);
});

test('never throws and stays bounded on hostile input', () => {
  const inputs = ['\u0000\u0001', '\ud800', '\udfff abc', '‮evil', '😀'.repeat(1000), 'a'.repeat(100_000), '', '   ', '<script>'];
  for (const s of inputs) {
    const f = foldWithOffsets(s);
    assert.ok(f.folded.length <= 4096);
    for (const o of f.offsets) assert.ok(o >= 0 && o <= f.original.length);
    queryKey(s);
  }
  // @ts-expect-error: not a string at runtime
  assert.equal(fold(undefined), '');
});

test('after q the tone stays on the y: Quý, never Qúy (qu is the consonant)', () => {
  assert.equal(canonicalSpelling('Trần Quý Cáp'), 'Trần Quý Cáp');
  assert.equal(canonicalSpelling('Nhị Qúy'), 'Nhị Quý');
  assert.equal(canonicalSpelling('QÚY'), 'QUÝ');
  assert.equal(canonicalSpelling('Thuý'), 'Thúy');
  assert.equal(canonicalSpelling('Quỳnh Lưu'), 'Quỳnh Lưu');
});
