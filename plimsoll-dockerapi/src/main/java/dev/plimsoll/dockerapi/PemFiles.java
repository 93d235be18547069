package dev.plimsoll.dockerapi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The PEM files of a TLS engine set-up. Certificates through the JDK; private keys through BouncyCastle's PEM
 * parser, which reads every form docker and openssl write (PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY", SEC1
 * "EC PRIVATE KEY", with or without the "EC PARAMETERS" block openssl puts before it); the JDK reads only the first.
 * Errors name the file, the flag it stands for and the reason; they never quote the file.
 */
final class PemFiles {
    private static final long MAX_FILE_BYTES = 1024 * 1024;
    /** PEM blocks looked at before the key: openssl's "EC PARAMETERS" may precede it. */
    private static final int MAX_BLOCKS = 8;

    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file, String flag) throws EngineException {
        byte[] bytes = read(file, flag);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw problem(file, flag, "no PEM certificate in it");
            }
            return certificates;
        } catch (CertificateException | IOException e) {
            throw problem(file, flag, "not a PEM certificate");
        }
    }

    static PrivateKey privateKey(Path file, String flag) throws EngineException {
        String text = new String(read(file, flag), StandardCharsets.US_ASCII);
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (int block = 0; block < MAX_BLOCKS; block++) {
                Object object = parser.readObject();
                PrivateKeyInfo info = switch (object) {
                    case null -> throw problem(file, flag, "no PEM private key in it (expected BEGIN PRIVATE KEY,"
                            + " BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
                    case PEMKeyPair pair -> pair.getPrivateKeyInfo();
                    case PrivateKeyInfo plain -> plain;
                    case PEMEncryptedKeyPair encrypted -> throw encrypted(file, flag);
                    case PKCS8EncryptedPrivateKeyInfo encrypted -> throw encrypted(file, flag);
                    default -> null; // EC parameters or another block before the key
                };
                if (info != null) {
                    return new JcaPEMKeyConverter().getPrivateKey(info);
                }
            }
            throw problem(file, flag, "no private key among its first " + MAX_BLOCKS + " PEM blocks");
        } catch (IOException | RuntimeException e) {
            // the parser's messages may quote what it could not decode: only the kind of failure is said
            throw problem(file, flag, "not a readable PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC)");
        }
    }

    /** A key that does not belong to the certificate fails every handshake with an obscure alert: say so first. */
    static void requireMatch(PrivateKey key, X509Certificate certificate, Path keyFile, Path certFile)
            throws EngineException {
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
        if (algorithm == null || !key.getAlgorithm().equals(publicKey.getAlgorithm())
                && !(algorithm.startsWith("Ed") && publicKey.getAlgorithm().startsWith("Ed"))) {
            if (algorithm != null) {
                throw new EngineException(keyFile + " (--tlskey): a " + key.getAlgorithm() + " key, but the"
                        + " certificate in " + certFile + " holds a " + publicKey.getAlgorithm() + " key");
            }
            return;
        }
        try {
            byte[] probe = "plimsoll key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new EngineException(keyFile + " (--tlskey): not the key of the certificate in " + certFile);
            }
        } catch (GeneralSecurityException e) {
            throw new EngineException(keyFile + " (--tlskey): cannot be used with the certificate in " + certFile
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static EngineException encrypted(Path file, String flag) {
        return problem(file, flag, "the key is encrypted; docker needs it unencrypted too");
    }

    private static byte[] read(Path file, String flag) throws EngineException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw problem(file, flag, "larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw problem(file, flag, "no such file");
        } catch (IOException e) {
            throw problem(file, flag, "cannot read it (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static EngineException problem(Path file, String flag, String reason) {
        return new EngineException(file + " (" + flag + "): " + reason);
    }
}
