package dev.plimsoll.cli;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hashes a few MiB of zeros on a daemon thread before a scan hashes layers: as the JVM starts, or for an image named
 * by reference once its layers are to be read. Every layer is SHA-256-verified, and the JIT's first tier does not
 * use the CPU's SHA instructions (about 14 times slower): without this, the first tens of MiB of a scan are hashed
 * slowly until the top tier compiles the digest loop. Here that compilation happens on the idle core while the
 * command line is parsed and the image opened.
 */
final class DigestWarmup {
    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 96;

    private DigestWarmup() {
    }

    static void start() {
        Thread.ofPlatform().daemon().name("plimsoll-digest-warmup").start(DigestWarmup::run);
    }

    /**
     * The options of the image-reading commands (image, sbom, rootfs, baseline) that take a value, which is never
     * the image: "--insecure-registry 127.0.0.1:5000" and "--platform linux/arm64" look like image references.
     * DigestWarmupTest keeps this list equal to the commands' own.
     */
    static final java.util.Set<String> VALUE_OPTIONS = java.util.Set.of("--baseline", "--cache-dir", "--db",
            "--db-max-age", "--docker-host", "--exit-code", "--format", "--ignorefile", "--image-src",
            "--insecure-registry", "--max-layer-size", "--output", "--platform", "--policy", "--registry-ca",
            "--registry-mirror", "--scanners", "--severity", "--skip-dirs", "--skip-files", "--tlscacert",
            "--tlscert", "--tlskey", "--username", "--vex", "-f", "-o", "-s");

    /**
     * Starts the warm-up an image command needs, on a spare thread as the command line is parsed. An image named by
     * reference gets java.net.http set up (and TLS, unless its host is an --insecure-registry one, asked over plain
     * HTTP first): about half a second cold with TLS, most of a warm-cache scan. Its digest warm-up waits until its
     * layers are to be read, which a warm cache spares ({@link ScanRunner}); any other image's starts now.
     */
    static void startFor(String[] args) {
        // Decided on the thread: reading the arguments as image references compiles the reference grammar's
        // patterns, some 20 ms of the main thread's start in a fresh JVM.
        String[] copy = args.clone();
        Thread.ofPlatform().daemon().name("plimsoll-warmup").start(() -> {
            switch (registryWarmup(copy)) {
                case NONE -> run();
                case TLS -> dev.plimsoll.image.registry.RegistryImages.warmUp();
                case PLAIN_HTTP -> dev.plimsoll.image.registry.RegistryImages.warmUpPlainHttp();
            }
        });
    }

    /** What a command line's registry is reached over, so what to set up ahead of it. */
    enum RegistryWarmup { NONE, TLS, PLAIN_HTTP }

    static RegistryWarmup registryWarmup(String[] args) {
        String host = registryHost(args);
        if (host == null) {
            return RegistryWarmup.NONE;
        }
        return insecureHosts(args).contains(host) ? RegistryWarmup.PLAIN_HTTP : RegistryWarmup.TLS;
    }

    /** The --insecure-registry hosts of the command line. */
    private static java.util.Set<String> insecureHosts(String[] args) {
        java.util.Set<String> insecure = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--insecure-registry") && i + 1 < args.length) {
                insecure.add(args[i + 1]);
            } else if (args[i].startsWith("--insecure-registry=")) {
                insecure.add(args[i].substring("--insecure-registry=".length()));
            }
        }
        return insecure;
    }

    /** The registry host of the command's image (its first argument that is one), skipping options' values. */
    private static String registryHost(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-")) {
                if (VALUE_OPTIONS.contains(a)) {
                    i++; // the option's value: "--insecure-registry 127.0.0.1:5000" is not an image
                }
            } else if (!a.contains("=") && looksRemote(a)) {
                return host(a);
            }
        }
        return null;
    }

    private static String host(String imageArgument) {
        return dev.plimsoll.core.image.ImageSource.parse(imageArgument)
                instanceof dev.plimsoll.core.image.ImageSource.RegistryImage r ? r.reference().registry() : "";
    }

    private static boolean looksRemote(String arg) {
        try {
            // a bare word is more likely the command's name than an image
            boolean qualified = arg.contains("/") || arg.contains(":");
            return qualified && dev.plimsoll.core.image.ImageSource.parse(arg)
                    instanceof dev.plimsoll.core.image.ImageSource.RegistryImage;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void run() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] zeros = new byte[CHUNK];
            for (int i = 0; i < CHUNKS; i++) {
                sha.update(zeros);
            }
            sha.digest();
        } catch (NoSuchAlgorithmException e) {
            // every Java platform has SHA-256; without it the scan itself reports the failure
        }
    }
}
