// A throwaway certificate for 127.0.0.1, so a test server can speak HTTP/2 as static hosts do:
// browsers speak HTTP/2 over TLS only. The browser is told to trust its key
// (`--ignore-certificate-errors-spki-list`), so it caches and runs a service worker as it does
// for any secure site; nothing else ever sees it.
import { execFileSync } from "node:child_process";
import { createHash, createPublicKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/// The key and certificate, as `http2.createSecureServer` takes them, and `spki`, the hash of
/// the public key that the browser's flag takes.
export function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), "portal-tls-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")],
      { stdio: "ignore" },
    );
    const key = readFileSync(join(dir, "key.pem"));
    const publicKey = createPublicKey(key).export({ type: "spki", format: "der" });
    const spki = createHash("sha256").update(publicKey).digest("base64");
    return { key, cert: readFileSync(join(dir, "cert.pem")), spki };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/// The browser's flag that trusts the certificate of `spki`.
export const trustFlag = (spki) => `--ignore-certificate-errors-spki-list=${spki}`;
