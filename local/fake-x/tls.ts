import { generateKeyPairSync } from 'node:crypto';
import selfsigned from 'selfsigned';

/** A throwaway certificate for 127.0.0.1/localhost: the fake server speaks HTTPS like the real one. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  // keyPair is supported by selfsigned 2.x but missing from its types; Node's RSA keygen is ~10x faster than forge's.
  const options = {
    days: 7,
    algorithm: 'sha256',
    keyPair: { publicKey, privateKey },
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  } as Parameters<typeof selfsigned.generate>[1];
  const pems = selfsigned.generate([{ name: 'commonName', value: 'localhost' }], options);
  return { key: pems.private, cert: pems.cert };
}
