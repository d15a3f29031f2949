// tls.X509KeyPair's checks as `kubectl create secret tls` runs them (the recorded command cases cover
// real key pairs; these cover the PEM scanning and error wording on synthetic input).

import { describe, expect, it } from 'vitest';
import { pemBlocks, x509KeyPairError } from '../../../../src/terminal/kubectl/commands/create-tls';

const block = (type: string, body = 'AAAA') => `-----BEGIN ${type}-----\n${body}\n-----END ${type}-----\n`;

describe('create secret tls key pair checks', () => {
  it('finds PEM blocks like encoding/pem', () => {
    expect(pemBlocks(`junk\n${block('CERTIFICATE')}${block('RSA PRIVATE KEY', 'AQID')}`).map((b) => [b.type, [...b.bytes]])).toEqual([
      ['CERTIFICATE', [0, 0, 0]],
      ['RSA PRIVATE KEY', [1, 2, 3]],
    ]);
    expect(pemBlocks('-----BEGIN X-----\nAAAA\n-----END Y-----\n')).toEqual([]);
    expect(pemBlocks('-----BEGIN X-----\n!!!!\n-----END X-----\n')).toEqual([]);
    expect(pemBlocks('-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END X-----')).toHaveLength(1);
  });

  it.each([
    ['', '', 'tls: failed to find any PEM data in certificate input'],
    [block('PRIVATE KEY'), '', 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched'],
    [block('FOO') + block('BAR'), '', 'tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [FOO BAR]'],
    [block('CERTIFICATE'), 'nothing', 'tls: failed to find any PEM data in key input'],
    [block('CERTIFICATE'), block('CERTIFICATE'), 'tls: found a certificate rather than a key in the PEM for the private key'],
    [block('CERTIFICATE'), block('PUBLIC KEY') + block('X'), 'tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [PUBLIC KEY X]'],
    [block('CERTIFICATE'), block('EC PRIVATE KEY'), 'x509: malformed certificate'],
  ])('cert %j key %j → %s', (cert, key, message) => {
    expect(x509KeyPairError(cert, key)).toBe(message);
  });
});
