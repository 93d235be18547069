package dev.plimsoll.core.inventory;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.github.packageurl.PackageURLBuilder;
import java.util.Locale;
import java.util.Optional;

/**
 * Package URLs as the purl specification and the scanners' conventions write them:
 * {@code pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=amd64&distro=debian-12},
 * {@code pkg:apk/alpine/busybox@1.36.1-r2?arch=x86_64&distro=3.18.4},
 * {@code pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?arch=x86_64&epoch=1&distro=rocky-9.2}. The source package goes
 * in the {@code upstream} qualifier (purl-spec's deb and rpm conventions). Language packages:
 * {@code pkg:pypi/pyyaml@6.0}, {@code pkg:npm/%40babel/core@7.24.0},
 * {@code pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1}.
 */
public final class Purls {
    private Purls() {
    }

    public static String of(Package p, Optional<OsRelease> os) {
        try {
            PackageURL purl = build(p, os);
            return printableAscii(purl) ? purl.canonicalize() : encodeWithUtf8Bytes(purl);
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("cannot build a package URL for " + p.name() + " " + p.version()
                    + ": " + e.getMessage(), e);
        }
    }

    private static PackageURL build(Package p, Optional<OsRelease> os) throws MalformedPackageURLException {
        PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType(p.ecosystem().purlType());
        switch (p.metadata()) {
            case PackageMetadata.Listed l -> {
                return new PackageURL(l.purl());
            }
            case PackageMetadata.Dpkg d -> {
                b.withNamespace(os.map(o -> o.id()).orElse("debian")).withName(p.name()).withVersion(p.version());
                qualifier(b, "arch", d.architecture());
                os.ifPresent(o -> qualifier(b, "distro", o.id() + "-" + o.versionId()));
                p.source().filter(s -> !s.name().equals(p.name()) || !s.version().equals(p.version()))
                        .ifPresent(s -> qualifier(b, "upstream",
                                s.version().equals(p.version()) ? s.name() : s.name() + "@" + s.version()));
            }
            case PackageMetadata.Apk a -> {
                b.withNamespace(os.map(o -> o.id()).orElse("alpine")).withName(p.name()).withVersion(p.version());
                qualifier(b, "arch", a.architecture());
                os.ifPresent(o -> qualifier(b, "distro", o.versionId()));
                a.origin().filter(origin -> !origin.equals(p.name())).ifPresent(o -> qualifier(b, "upstream", o));
            }
            case PackageMetadata.Rpm r -> {
                b.withNamespace(os.map(o -> rpmNamespace(o.id())).orElse("redhat")).withName(p.name())
                        .withVersion(r.version() + "-" + r.release());
                qualifier(b, "arch", r.architecture());
                r.epoch().filter(e -> e != 0).ifPresent(e -> qualifier(b, "epoch", Integer.toString(e)));
                os.ifPresent(o -> qualifier(b, "distro", o.id() + "-" + o.versionId()));
                r.sourceRpm().ifPresent(s -> qualifier(b, "upstream", s));
            }
            case PackageMetadata.Python py -> byName(b, p);
            case PackageMetadata.Npm n -> byName(b, p);
            case PackageMetadata.Java j -> b.withNamespace(j.groupId()).withName(j.artifactId()).withVersion(p.version());
            case PackageMetadata.Declared d -> byName(b, p);
            case PackageMetadata.GoBuild g -> byName(b, p);
        }
        return b.build();
    }

    /**
     * A language package's purl from its ecosystem and name as the ecosystem spells it. purl-spec: PyPI names
     * lower-cased with "_" as "-"; npm scopes, Maven groups, Composer vendors and all but the last element of a Go
     * module path are the namespace.
     */
    private static PackageURLBuilder byName(PackageURLBuilder b, Package p) {
        String name = p.name();
        switch (p.ecosystem()) {
            case PYPI -> b.withName(name.toLowerCase(Locale.ROOT).replace('_', '-'));
            case NPM -> {
                int slash = name.indexOf('/');
                if (name.startsWith("@") && slash > 1 && slash < name.length() - 1) {
                    b.withNamespace(name.substring(0, slash)).withName(name.substring(slash + 1));
                } else {
                    b.withName(name);
                }
            }
            case MAVEN -> {
                int colon = name.indexOf(':');
                if (colon > 0 && colon < name.length() - 1) {
                    b.withNamespace(name.substring(0, colon)).withName(name.substring(colon + 1));
                } else {
                    b.withName(name);
                }
            }
            case GOLANG, COMPOSER -> {
                int slash = name.lastIndexOf('/');
                if (slash > 0 && slash < name.length() - 1) {
                    b.withNamespace(name.substring(0, slash)).withName(name.substring(slash + 1));
                } else {
                    b.withName(name);
                }
            }
            default -> b.withName(name);
        }
        return b.withVersion(p.version());
    }

    private static String rpmNamespace(String osId) {
        return switch (osId.toLowerCase(Locale.ROOT)) {
            case "rhel" -> "redhat";
            case "ol" -> "oracle";
            case "sles", "sled", "opensuse-leap", "opensuse-tumbleweed", "opensuse" -> "opensuse";
            case "amzn" -> "amazon";
            default -> osId.toLowerCase(Locale.ROOT);
        };
    }

    private static boolean printableAscii(PackageURL purl) {
        if (purl.getQualifiers() != null && !purl.getQualifiers().values().stream().allMatch(Purls::printableAscii)) {
            return false;
        }
        return java.util.stream.Stream.of(purl.getNamespace(), purl.getName(), purl.getVersion(), purl.getSubpath())
                .allMatch(Purls::printableAscii);
    }

    private static boolean printableAscii(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /**
     * The canonical form for components with characters outside printable ASCII (names from a hostile or broken
     * package database): packageurl-java 1.5.0 writes such bytes as {@code %7} or {@code %FFFFFFE2}, which no
     * parser reads back, so the components are percent-encoded here, byte by byte, as the purl specification says.
     */
    private static String encodeWithUtf8Bytes(PackageURL purl) {
        StringBuilder sb = new StringBuilder("pkg:").append(purl.getType()).append('/');
        if (purl.getNamespace() != null) {
            for (String segment : purl.getNamespace().split("/", -1)) {
                sb.append(percentEncode(segment)).append('/');
            }
        }
        sb.append(percentEncode(purl.getName()));
        if (purl.getVersion() != null) {
            sb.append('@').append(percentEncode(purl.getVersion()));
        }
        if (purl.getQualifiers() != null && !purl.getQualifiers().isEmpty()) {
            sb.append('?');
            new java.util.TreeMap<>(purl.getQualifiers()).forEach((k, v) -> {
                if (sb.charAt(sb.length() - 1) != '?') {
                    sb.append('&');
                }
                sb.append(k).append('=').append(percentEncode(v));
            });
        }
        if (purl.getSubpath() != null) {
            sb.append('#').append(percentEncode(purl.getSubpath()).replace("%2F", "/"));
        }
        return sb.toString();
    }

    private static String percentEncode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == '~';
            if (unreserved) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    private static void qualifier(PackageURLBuilder b, String key, String value) {
        if (value != null && !value.isBlank()) {
            b.withQualifier(key, value);
        }
    }
}
