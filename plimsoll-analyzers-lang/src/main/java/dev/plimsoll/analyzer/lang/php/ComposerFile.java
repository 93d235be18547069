package dev.plimsoll.analyzer.lang.php;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.plimsoll.analyzer.lang.FormatException;
import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The packages a composer.lock locks or a vendor/composer/installed.json says are installed. Both list package
 * objects of the same shape ("name", "version", "source", "dist", "license"): composer.lock in "packages" and
 * "packages-dev"; installed.json as a bare array (Composer 1) or in {"packages": [...], "dev-package-names": [...]}
 * (Composer 2). Platform requirements (php, ext-json) are not packages and never appear in these lists.
 *
 * @param entries the packages, in file order
 * @param faults  package objects that could not be read; the others still are
 */
record ComposerFile(List<Entry> entries, List<Fault> faults) {

    /**
     * One package.
     *
     * @param version  as written ("v4.4.0" and "7.4.0" alike: Packagist advisories compare with Composer's rules)
     * @param dev      from "packages-dev", or named in installed.json's "dev-package-names"
     * @param resolved the dist URL, else the source URL, with the commit reference when the URL lacks it
     * @param checksum the dist's "shasum", when not empty
     * @param line     the line where the package object starts
     */
    record Entry(String name, String version, boolean dev, Optional<String> resolved, Optional<String> checksum,
                 List<String> licenses, int line) {
    }

    record Fault(int line, String message) {
    }

    /** Immutable once built. Nesting is bounded so that a hostile file cannot make skipping expensive. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build()).build();
    /** Real projects lock a few hundred packages; far more is a hostile file, not worth the memory. */
    static final int MAX_PACKAGES = 50_000;
    /** A file with more faulty package objects than this is garbage, not a lockfile with a few bad entries. */
    static final int MAX_FAULTS = 100;
    /** Composer's package name rule (vendor/name), case-insensitive because Composer 1 accepted upper case. */
    private static final Pattern NAME = Pattern.compile(
            "[a-z0-9]([_.-]?[a-z0-9]+)*/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*", Pattern.CASE_INSENSITIVE);
    /** Names Composer gives the platform (php, ext-json, lib-icu, composer-plugin-api, hhvm). */
    private static final Pattern PLATFORM = Pattern.compile(
            "(php(-64bit|-ipv6|-zts|-debug)?|hhvm|composer(-plugin-api|-runtime-api)?|(ext|lib)-.+)",
            Pattern.CASE_INSENSITIVE);

    static ComposerFile readLock(byte[] json) throws FormatException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FormatException("the file is not a JSON object", line(p));
            }
            List<Entry> entries = new ArrayList<>();
            List<Fault> faults = new ArrayList<>();
            boolean sawPackages = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "packages" -> {
                        sawPackages = true;
                        readPackages(p, field, false, entries, faults);
                    }
                    case "packages-dev" -> readPackages(p, field, true, entries, faults);
                    default -> p.skipChildren();
                }
            }
            if (!sawPackages) {
                throw new FormatException("no \"packages\" list: not a composer.lock", 0);
            }
            return new ComposerFile(List.copyOf(entries), List.copyOf(faults));
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new FormatException("not readable as JSON: " + e.getMessage(), 0);
        }
    }

    static ComposerFile readInstalled(byte[] json) throws FormatException {
        try (JsonParser p = FACTORY.createParser(json)) {
            List<Entry> entries = new ArrayList<>();
            List<Fault> faults = new ArrayList<>();
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                // Composer 1: the list itself, without word of which packages are for development.
                readPackages(p, "the list", false, entries, faults);
                return new ComposerFile(List.copyOf(entries), List.copyOf(faults));
            }
            if (first != JsonToken.START_OBJECT) {
                throw new FormatException("the file is neither a JSON object nor an array", line(p));
            }
            boolean sawPackages = false;
            Set<String> devNames = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "packages" -> {
                        sawPackages = true;
                        readPackages(p, field, false, entries, faults);
                    }
                    case "dev-package-names" -> devNames.addAll(strings(p, field));
                    default -> p.skipChildren();
                }
            }
            if (!sawPackages) {
                throw new FormatException("no \"packages\" list: not a Composer installed.json", 0);
            }
            List<Entry> marked = entries.stream().map(e -> devNames.contains(e.name().toLowerCase(Locale.ROOT))
                    ? new Entry(e.name(), e.version(), true, e.resolved(), e.checksum(), e.licenses(), e.line())
                    : e).toList();
            return new ComposerFile(marked, List.copyOf(faults));
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new FormatException("not readable as JSON: " + e.getMessage(), 0);
        }
    }

    private static void readPackages(JsonParser p, String field, boolean dev, List<Entry> entries,
                                     List<Fault> faults) throws IOException, FormatException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new FormatException("\"" + field + "\" is not a list", line(p));
        }
        while (nextElement(p)) {
            int line = line(p);
            if (entries.size() >= MAX_PACKAGES) {
                throw new FormatException("more than " + MAX_PACKAGES + " packages", line, true);
            }
            if (faults.size() >= MAX_FAULTS) {
                throw new FormatException("more than " + MAX_FAULTS + " unreadable packages", line);
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                faults.add(new Fault(line, "a package in \"" + field + "\" is not an object"));
                continue;
            }
            Fields f = Fields.read(p);
            if (f.name.isEmpty() || f.version.isEmpty()) {
                faults.add(new Fault(line, "package " + f.name.map(n -> "\"" + excerpt(n) + "\" ").orElse("")
                        + "has no " + (f.name.isEmpty() ? "name" : "version")));
            } else if (!NAME.matcher(f.name.get()).matches()) {
                if (!PLATFORM.matcher(f.name.get()).matches()) {
                    faults.add(new Fault(line, "not a Composer package name: \"" + excerpt(f.name.get()) + "\""));
                }
            } else if (!Texts.isToken(f.version.get())) {
                faults.add(new Fault(line, "package " + f.name.get() + " has a malformed version \""
                        + excerpt(f.version.get()) + "\""));
            } else {
                entries.add(new Entry(f.name.get(), f.version.get(), dev, f.resolved(),
                        f.dist.flatMap(Reference::shasum), f.licenses,
                        line));
            }
        }
    }

    /** The fields of one package object that matter here. */
    private static final class Fields {
        Optional<String> name = Optional.empty();
        Optional<String> version = Optional.empty();
        Optional<Reference> source = Optional.empty();
        Optional<Reference> dist = Optional.empty();
        List<String> licenses = List.of();

        static Fields read(JsonParser p) throws IOException, FormatException {
            Fields f = new Fields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> f.name = string(p).map(String::strip);
                    case "version" -> f.version = string(p).map(String::strip);
                    case "source" -> f.source = Reference.read(p);
                    case "dist" -> f.dist = Reference.read(p);
                    case "license" -> f.licenses = licenses(p);
                    default -> p.skipChildren();
                }
            }
            return f;
        }

        Optional<String> resolved() {
            return dist.flatMap(Reference::render).or(() -> source.flatMap(Reference::render));
        }
    }

    /** A "source" or "dist" object: where Composer fetches the package from ("shasum": dists only). */
    private record Reference(Optional<String> url, Optional<String> reference, Optional<String> shasum) {
        static Optional<Reference> read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return Optional.empty();
            }
            Optional<String> url = Optional.empty();
            Optional<String> reference = Optional.empty();
            Optional<String> shasum = Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "url" -> url = string(p);
                    case "reference" -> reference = string(p);
                    case "shasum" -> shasum = string(p);
                    default -> p.skipChildren();
                }
            }
            return Optional.of(new Reference(url, reference, shasum));
        }

        /** "URL", or "URL#REFERENCE" when the URL does not already carry the reference (GitHub zipballs do). */
        Optional<String> render() {
            if (url.isEmpty()) {
                return Optional.empty();
            }
            if (reference.isPresent() && !url.get().contains(reference.get())) {
                return Optional.of(url.get() + "#" + reference.get());
            }
            return url;
        }
    }

    /** A non-blank string value, else empty; containers are skipped. */
    private static Optional<String> string(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return Optional.of(p.getText()).filter(s -> !s.isBlank());
        }
        p.skipChildren();
        return Optional.empty();
    }

    /** "license": ["MIT"], or a single string as some old packages wrote it. */
    private static List<String> licenses(JsonParser p) throws IOException, FormatException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return string(p).map(String::strip).map(List::of).orElse(List.of());
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>();
        while (nextElement(p)) {
            string(p).map(String::strip).filter(s -> !out.contains(s)).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The strings of a list, lower-cased (Composer compares package names case-insensitively). */
    private static List<String> strings(JsonParser p, String field) throws IOException, FormatException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new FormatException("\"" + field + "\" is not a list", line(p));
        }
        List<String> out = new ArrayList<>();
        while (nextElement(p)) {
            if (out.size() >= MAX_PACKAGES) {
                throw new FormatException("more than " + MAX_PACKAGES + " names in \"" + field + "\"",
                        line(p), true);
            }
            string(p).map(s -> s.toLowerCase(Locale.ROOT)).ifPresent(out::add);
        }
        return out;
    }

    /** Moves to the next element of a list; false at its end. */
    private static boolean nextElement(JsonParser p) throws IOException, FormatException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new FormatException("the file ends inside a list", 0);
        }
        return t != JsonToken.END_ARRAY;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static FormatException notJson(JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        return new FormatException("not valid JSON: " + e.getOriginalMessage(), line);
    }

    private static String excerpt(String s) {
        return UntrustedText.excerpt(s);
    }
}
