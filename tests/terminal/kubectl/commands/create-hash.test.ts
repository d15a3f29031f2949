// --append-hash suffixes against the names the real kubectl 1.32 printed for the same content.

import { describe, expect, it } from 'vitest';
import { configMapHash, encodeHash, secretHash, sha256, toHex } from '../../../../src/terminal/kubectl/commands/create-hash';

describe('create --append-hash', () => {
  it('sha256 matches the standard vectors', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(toHex(sha256(enc('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(enc('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(enc('a'.repeat(1000))))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });

  it('maps vowel-like hex digits to consonants', () => {
    expect(encodeHash('0123456789abcdef')).toBe('gh2k456789');
    expect(encodeHash('abcdef0123')).toBe('mbcdtfgh2k');
    expect(encodeHash('eeeeeeeeee')).toBe('tttttttttt');
  });

  // kubectl create configmap c … --append-hash --dry-run=client -o name
  it.each([
    [{ a: '1', b: '2' }, 'c-7ttkgck24h'],
    [{}, 'c-94b26g54cg'],
    [{ K: 'a<b&c>' }, 'c-k22489mbdb'],
  ])('configmap %j → %s', (data, name) => {
    expect(`c-${configMapHash('c', data)}`).toBe(name);
  });

  // kubectl create secret generic s … --append-hash (data values base64, as sent)
  it.each([
    ['', { a: 'MQ==' }, 's-gtkfk5m49d'],
    ['', {}, 's-6cmg28h685'],
    ['foo', { a: 'MQ==' }, 's-74597m7f4h'],
  ])('secret type %j data %j → %s', (type, data, name) => {
    expect(`s-${secretHash('s', type, data)}`).toBe(name);
  });
});
