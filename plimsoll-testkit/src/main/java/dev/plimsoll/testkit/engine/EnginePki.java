package dev.plimsoll.testkit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The files of a TLS-protected Docker Engine set-up, made by the openssl command line as docker's documentation
 * ("Protect the Docker daemon socket") makes them: a CA, a server certificate for localhost and 127.0.0.1, and
 * client certificates whose keys are in each PEM form openssl writes. The tests use openssl (not the code under
 * test) so that the key files are what users have.
 */
public final class EnginePki {
    /** The PEM forms of a client key. */
    public enum KeyForm {
        /** {@code BEGIN PRIVATE KEY}, RSA: what {@code openssl genpkey} and OpenSSL 3's genrsa write. */
        PKCS8_RSA,
        /** {@code BEGIN RSA PRIVATE KEY}: {@code openssl genrsa -traditional}, OpenSSL 1's genrsa. */
        PKCS1_RSA,
        /** {@code BEGIN EC PARAMETERS} then {@code BEGIN EC PRIVATE KEY}: {@code openssl ecparam -genkey}. */
        SEC1_EC,
        /** {@code BEGIN PRIVATE KEY}, EC. */
        PKCS8_EC
    }

    private static final String PASSWORD = "changeit";
    private final Path dir;

    private EnginePki(Path dir) {
        this.dir = dir;
    }

    /** A CA "ca" with a server certificate for localhost and 127.0.0.1, in {@code dir}. */
    public static EnginePki create(Path dir) throws IOException, InterruptedException {
        EnginePki pki = new EnginePki(dir);
        pki.ca("ca");
        pki.openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "server-key.pem");
        pki.sign("ca", "server-key.pem", "server-cert.pem", "localhost",
                "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        return pki;
    }

    public Path dir() {
        return dir;
    }

    /** Another CA, {@code NAME.pem}, that signed nothing here. */
    public Path otherCa(String name) throws IOException, InterruptedException {
        ca(name);
        return dir.resolve(name + ".pem");
    }

    /** A server certificate from "ca" for another host name only, {@code NAME-cert.pem}, with its key. */
    public SSLContext serverFor(String name, String dnsName) throws IOException, InterruptedException,
            GeneralSecurityException {
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", name + "-key.pem");
        sign("ca", name + "-key.pem", name + "-cert.pem", dnsName,
                "subjectAltName=DNS:" + dnsName + "\nextendedKeyUsage=serverAuth\n");
        return serverContext(name + "-cert.pem", name + "-key.pem");
    }

    /**
     * A client key in {@code form} and its certificate signed by "ca": {@code NAME-key.pem}, {@code NAME-cert.pem}.
     */
    public Path[] client(String name, KeyForm form) throws IOException, InterruptedException {
        String key = name + "-key.pem";
        switch (form) {
            case PKCS8_RSA -> openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
                    key);
            case PKCS1_RSA -> openssl("genrsa", "-traditional", "-out", key, "2048");
            case SEC1_EC -> openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", key);
            case PKCS8_EC -> openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
                    key);
        }
        sign("ca", key, name + "-cert.pem", name, "extendedKeyUsage=clientAuth\n");
        return new Path[]{dir.resolve(name + "-cert.pem"), dir.resolve(key)};
    }

    /** The engine's side: its certificate and key, trusting client certificates from "ca". */
    public SSLContext serverContext() throws IOException, InterruptedException, GeneralSecurityException {
        return serverContext("server-cert.pem", "server-key.pem");
    }

    private SSLContext serverContext(String cert, String key) throws IOException, InterruptedException,
            GeneralSecurityException {
        String store = cert + ".p12";
        openssl("pkcs12", "-export", "-in", cert, "-inkey", key, "-out", store, "-passout", "pass:" + PASSWORD);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(store))) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca" + i++, c);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private void ca(String name) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + "-key.pem", "-out", name + ".pem",
                "-days", "2", "-subj", "/CN=" + name);
    }

    private void sign(String ca, String key, String cert, String commonName, String extensions)
            throws IOException, InterruptedException {
        Path ext = dir.resolve(cert + ".ext");
        Files.writeString(ext, extensions);
        openssl("req", "-new", "-key", key, "-subj", "/CN=" + commonName, "-out", cert + ".csr");
        openssl("x509", "-req", "-in", cert + ".csr", "-CA", ca + ".pem", "-CAkey", ca + "-key.pem",
                "-CAcreateserial", "-days", "2", "-out", cert, "-extfile", ext.getFileName().toString());
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
