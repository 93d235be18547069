package dev.plimsoll.analyzer.lang.npm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;

/**
 * The yarn and pnpm fixtures (src/test/resources/npm/README.md) and what they hold. Every lockfile of the main
 * project resolved the same 69 packages; the dev flags are those pnpm 8 wrote into its own lockfile (pnpm-v6), so
 * that a dev flag derived from another format is checked against the package manager's, not against this reader.
 */
final class LockFixtures {
    static final Path NPM = Path.of("src/test/resources/npm");

    /** The main project's lockfiles, each under npm/DIR with its package.json. */
    static final List<String> MAIN = List.of("yarn-v1", "yarn-berry", "pnpm-v5", "pnpm-v6", "pnpm-v9");

    /** "name version [dev]" per package of the main project. */
    private static final String MAIN_PACKAGES = """
            @babel/code-frame 7.12.13
            @babel/helper-validator-identifier 7.29.7
            @babel/highlight 7.25.9
            accepts 1.3.8
            ansi-styles 3.2.1
            array-flatten 1.1.1
            body-parser 1.19.0
            bytes 3.1.0
            chalk 2.4.2
            color-convert 1.9.3
            color-name 1.1.3
            content-disposition 0.5.3
            content-type 1.0.5
            cookie 0.4.0
            cookie-signature 1.0.6
            debug 2.6.9
            depd 1.1.2
            destroy 1.0.4
            ee-first 1.1.1
            encodeurl 1.0.4
            escape-html 1.0.3
            escape-string-regexp 1.0.5
            etag 1.8.1
            express 4.17.1
            finalhandler 1.1.2
            forwarded 0.2.0
            fresh 0.5.2
            has-flag 3.0.0
            http-errors 1.7.2
            http-errors 1.7.3
            iconv-lite 0.4.24
            inherits 2.0.3
            inherits 2.0.4
            ipaddr.js 1.9.1
            js-tokens 4.0.0
            lodash 4.17.11
            lodash 4.17.15
            media-typer 0.3.0
            merge-descriptors 1.0.1
            methods 1.1.2
            mime 1.6.0
            mime-db 1.52.0
            mime-types 2.1.35
            minimist 1.2.0
            minimist 1.2.8 dev
            mkdirp 0.5.5 dev
            ms 2.0.0
            ms 2.1.1
            negotiator 0.6.3
            on-finished 2.3.0
            parseurl 1.3.3
            path-to-regexp 0.1.7
            picocolors 1.1.1
            proxy-addr 2.0.8
            qs 6.7.0
            range-parser 1.2.1
            raw-body 2.4.0
            safe-buffer 5.1.2
            safer-buffer 2.1.2
            send 0.17.1
            serve-static 1.14.1
            setprototypeof 1.1.1
            statuses 1.5.0
            supports-color 5.5.0
            toidentifier 1.0.0
            type-is 1.6.18
            unpipe 1.0.0
            utils-merge 1.0.1
            vary 1.1.2
            """;

    /** The main project's package.json names these (lodash 4.17.11 through the alias "lodash-old"). */
    static final Set<String> MAIN_DIRECT = Set.of("@babel/code-frame@7.12.13", "express@4.17.1", "lodash@4.17.15",
            "lodash@4.17.11", "minimist@1.2.0", "chalk@2.4.2", "mkdirp@0.5.5");

    /**
     * The workspaces project: left-pad is a dev dependency of the root and a production one of the workspace
     * packages/tool, so it is not dev; the workspace, local-lib (link:) and portal-lib (portal:) are the project's
     * own code.
     */
    static final List<String> WORKSPACES = List.of("ajv 6.12.6", "ajv-keywords 3.5.2", "fast-deep-equal 3.1.3",
            "fast-json-stable-stringify 2.1.0", "function-bind 1.1.2", "hasown 2.0.4", "is-core-module 2.18.0",
            "is-number 7.0.0", "json-schema-traverse 0.4.1", "left-pad 1.3.0", "path-parse 1.0.7",
            "punycode 2.3.1", "resolve 1.22.8", "supports-preserve-symlinks-flag 1.0.0", "uri-js 4.4.1");

    private LockFixtures() {
    }

    /** (name, version, dev) of every package of the main project. */
    static Tuple[] mainPackages() {
        return MAIN_PACKAGES.lines().map(l -> l.split(" "))
                .map(f -> new Tuple(f[0], f[1], f.length > 2)).toArray(Tuple[]::new);
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(NPM.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lockfile of a fixture folder: yarn.lock or pnpm-lock.yaml. */
    static String lockName(String dir) {
        return dir.contains("yarn") ? "yarn.lock" : "pnpm-lock.yaml";
    }
}
