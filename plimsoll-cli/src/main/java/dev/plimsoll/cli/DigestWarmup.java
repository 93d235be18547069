package dev.plimsoll.cli;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hashes a few MiB of zeros on a daemon thread as the JVM starts. Every layer is SHA-256-verified, and the JIT's
 * first tier does not use the CPU's SHA instructions (about 14 times slower): without this, the first tens of MiB
 * of a scan are hashed slowly until the top tier compiles the digest loop. Here that compilation happens on the
 * idle core while the command line is parsed and the image opened.
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
     * When an argument names an image in a registry: sets up java.net.http and TLS on a spare thread while the
     * command line is parsed and the database opened (about half a second cold, most of a warm-cache scan).
     */
    static void startRegistry(String[] args) {
        java.util.Set<String> insecure = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--insecure-registry") && i + 1 < args.length) {
                insecure.add(args[i + 1]);
            } else if (args[i].startsWith("--insecure-registry=")) {
                insecure.add(args[i].substring("--insecure-registry=".length()));
            }
        }
        for (String a : args) {
            if (!a.startsWith("-") && !a.contains("=") && looksRemote(a)) {
                // An --insecure-registry host is asked over plain HTTP first: setting TLS up would only take the
                // second core from the scan.
                if (!insecure.contains(host(a))) {
                    Thread.ofPlatform().daemon().name("plimsoll-registry-warmup")
                            .start(dev.plimsoll.image.registry.RegistryImages::warmUp);
                }
                return;
            }
        }
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
