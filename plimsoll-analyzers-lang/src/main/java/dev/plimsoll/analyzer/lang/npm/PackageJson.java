package dev.plimsoll.analyzer.lang.npm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an installed package's package.json says about it. npm 6 and older also recorded where it installed the
 * package from ("_resolved", "_integrity"); newer npm keeps that in the lockfile only.
 */
record PackageJson(Optional<String> name, Optional<String> version, List<String> licenses, Optional<String> author,
                   Optional<String> resolved, Optional<String> integrity) {

    /** Reads the top-level fields; other values are skipped without being built. */
    static PackageJson read(InputStream in) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedJsonException("the file is not a JSON object", p.currentLocation().getLineNr());
            }
            Optional<String> name = Optional.empty();
            Optional<String> version = Optional.empty();
            List<String> licenses = new ArrayList<>();
            Optional<String> author = Optional.empty();
            Optional<String> resolved = Optional.empty();
            Optional<String> integrity = Optional.empty();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = Json.string(p).map(String::strip).filter(s -> !s.isEmpty());
                    case "version" -> version = Json.string(p).map(String::strip).filter(s -> !s.isEmpty());
                    case "license", "licenses" -> licenses.addAll(Json.licenses(p));
                    case "author" -> author = Json.person(p);
                    case "_resolved" -> resolved = Json.string(p).filter(s -> !s.isBlank());
                    case "_integrity" -> integrity = Json.string(p).filter(s -> !s.isBlank());
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new MalformedJsonException("unexpected " + p.currentToken(), p.currentLocation().getLineNr());
            }
            // Old packages give both "license" and "licenses", often naming the same one.
            return new PackageJson(name, version, licenses.stream().distinct().toList(), author, resolved, integrity);
        }
    }
}
