package dev.plimsoll.dockerapi;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS to a TCP engine as the docker CLI sets it up. {@code --tlsverify} (or {@code DOCKER_TLS_VERIFY} set to
 * anything) verifies the engine's certificate against the CA file and its host name, and implies {@code --tls};
 * {@code --tls} alone (or {@code DOCKER_TLS}) encrypts without verifying, as docker does. The files default to
 * {@code ca.pem}, {@code cert.pem} and {@code key.pem} in {@code DOCKER_CERT_PATH} (default {@code ~/.docker}); a
 * default client certificate or key that does not exist is left out, as docker leaves it out, while one named by a
 * flag must exist.
 *
 * @param verifyServer check the engine's certificate chain against {@code caFile} and its name against the host
 * @param caFile       the CA certificates (PEM) the engine's certificate must chain to; used when verifying
 * @param certFile     the client certificate (PEM) presented to the engine, with {@code keyFile}
 * @param keyFile      its private key: PKCS#8, PKCS#1 RSA or SEC1 EC PEM
 */
public record EngineTls(boolean verifyServer, Path caFile, Optional<Path> certFile, Optional<Path> keyFile) {
    public static final String ENV_TLS_VERIFY = "DOCKER_TLS_VERIFY";
    public static final String ENV_TLS = "DOCKER_TLS";
    public static final String ENV_CERT_PATH = "DOCKER_CERT_PATH";

    public EngineTls {
        Objects.requireNonNull(caFile);
        Objects.requireNonNull(certFile);
        Objects.requireNonNull(keyFile);
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("a client certificate needs its key and a key its certificate ("
                    + certFile.or(() -> keyFile).orElseThrow() + " alone)");
        }
    }

    /**
     * What the command line asked for; files are empty when their flag was not given.
     */
    public record Flags(boolean tls, boolean tlsVerify, Optional<Path> caCert, Optional<Path> cert,
                        Optional<Path> key) {
        public static final Flags NONE = new Flags(false, false, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The TLS set-up docker would use with these flags and environment; empty for plain HTTP. */
    public static Optional<EngineTls> resolve(Flags flags, Map<String, String> env, Path home) {
        boolean verify = flags.tlsVerify() || !env.getOrDefault(ENV_TLS_VERIFY, "").isEmpty();
        boolean tls = verify || flags.tls() || !env.getOrDefault(ENV_TLS, "").isEmpty();
        if (!tls) {
            return Optional.empty();
        }
        String certPath = env.getOrDefault(ENV_CERT_PATH, "");
        Path dir = certPath.isEmpty() ? home.resolve(".docker") : Path.of(certPath);
        Path ca = flags.caCert().orElse(dir.resolve("ca.pem"));
        Optional<Path> cert = flags.cert().or(() -> existing(dir.resolve("cert.pem")));
        Optional<Path> key = flags.key().or(() -> existing(dir.resolve("key.pem")));
        if (cert.isPresent() != key.isPresent() && flags.cert().isEmpty() && flags.key().isEmpty()) {
            // only one of the default pair exists: docker then sends neither
            cert = Optional.empty();
            key = Optional.empty();
        }
        return Optional.of(new EngineTls(verify, ca, cert, key));
    }

    private static Optional<Path> existing(Path file) {
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    /** The files read into an SSL context, ready for connections. */
    public record Context(EngineTls settings, SSLContext ssl) {
        public boolean verifyServer() {
            return settings.verifyServer();
        }

        /** Why a handshake failed, in the user's terms: which certificate was refused by whom. */
        String explain(SSLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                    return "the engine's certificate is not signed by the CA in " + settings.caFile();
                }
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("No subject alternative") || message.contains("No name matching")) {
                return "the engine's certificate is not for this host (" + message + ")";
            }
            if (e instanceof SSLHandshakeException || message.contains("alert")) {
                return settings.certFile().isEmpty()
                        ? "the engine refused the connection (" + message + "); it may require a client certificate:"
                        + " --tlscert and --tlskey, or cert.pem and key.pem in $" + ENV_CERT_PATH
                        : "the handshake failed (" + message + "); is " + settings.certFile().get()
                        + " signed by a CA the engine trusts?";
            }
            return message;
        }
    }

    /**
     * Reads the CA, certificate and key files.
     *
     * @throws EngineException naming the file and the reason (never its contents)
     */
    public Context load() throws EngineException {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(keyManagers(), verifyServer ? trustManagers() : new TrustManager[]{new TrustingAnyServer()},
                    null);
            return new Context(this, ssl);
        } catch (GeneralSecurityException e) {
            throw new EngineException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private KeyManager[] keyManagers() throws EngineException, GeneralSecurityException {
        if (certFile.isEmpty()) {
            return null;
        }
        List<X509Certificate> chain = PemFiles.certificates(certFile.get(), "--tlscert");
        PrivateKey key = PemFiles.privateKey(keyFile.orElseThrow(), "--tlskey");
        PemFiles.requireMatch(key, chain.get(0), keyFile.get(), certFile.get());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        char[] password = new char[0];
        store.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    private TrustManager[] trustManagers() throws EngineException, GeneralSecurityException {
        List<X509Certificate> cas = PemFiles.certificates(caFile, "--tlscacert");
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** {@code --tls} without {@code --tlsverify}: docker's choice to encrypt without checking who answers. */
    private static final class TrustingAnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("a client does not accept connections");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // not verified, by the user's choice (--tls without --tlsverify)
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("a client does not accept connections");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // not verified, by the user's choice (--tls without --tlsverify)
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client does not accept connections");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // not verified, by the user's choice (--tls without --tlsverify)
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
