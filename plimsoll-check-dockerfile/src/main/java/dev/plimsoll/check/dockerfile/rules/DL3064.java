package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.ArgDeclaration;
import dev.plimsoll.check.dockerfile.syntax.ArgInstruction;
import dev.plimsoll.check.dockerfile.syntax.EnvInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ARG or ENV whose variable name says it holds a secret: a well-known secret variable name, or a name containing
 * {@code password}, {@code secret}, {@code token} ... Values are baked into the image and its history. Only names are
 * looked at; one finding per instruction naming every such variable (never its value).
 */
public final class DL3064 implements DockerfileRule {
    /** Well-known secret variable names, upper-case (hadolint's list). */
    private static final Set<String> KNOWN = Set.of(
            "ACCESS_TOKEN", "APPLICATION_KEY", "APP_SECRET", "AUTH_TOKEN", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "BITTREX_API_KEY", "BITTREX_API_SECRET", "CF_PASSWORD", "CF_USERNAME",
            "CIRCLE_TOKEN", "CI_DEPLOY_PASSWORD", "CI_DEPLOY_USER", "DOCKERHUB_PASSWORD", "DOCKER_EMAIL",
            "DOCKER_PASSWORD", "DOCKER_USERNAME", "FACEBOOK_ACCESS_TOKEN", "FACEBOOK_APP_ID", "FACEBOOK_APP_SECRET",
            "FIREBASE_API_TOKEN", "FIREBASE_TOKEN", "FOSSA_API_KEY", "GH_ENTERPRISE_TOKEN", "GH_TOKEN",
            "GITHUB_ENTERPRISE_TOKEN", "GITHUB_TOKEN", "HEROKU_API_KEY", "HEROKU_API_USER", "NPM_AUTH_TOKEN",
            "NPM_TOKEN", "OKTA_AUTHN_GROUPID", "OKTA_CLIENT_ORGURL", "OKTA_CLIENT_TOKEN", "OKTA_OAUTH2_CLIENTID",
            "OKTA_OAUTH2_CLIENTSECRET", "OPENAI_API_KEY", "OS_PASSWORD", "OS_USERNAME", "POSTGRES_PASSWORD",
            "SLACK_TOKEN", "STRIPE_API_KEY", "STRIPE_DEVICE_NAME", "TRAVIS_OS_NAME", "TRAVIS_SECURE_ENV_VARS",
            "TRAVIS_SUDO", "VAULT_CLIENT_KEY", "VAULT_TOKEN");

    /** Lower-case parts of a name that suggest a secret. */
    private static final List<String> SUSPICIOUS = List.of(
            "api_key", "client_key", "password", "private", "secret", "token", "username");

    @Override
    public String id() {
        return "DL3064";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (ArgInstruction arg : context.instructions(ArgInstruction.class, true)) {
            List<String> names = new ArrayList<>();
            for (ArgDeclaration d : arg.declarations()) {
                addIfSensitive(d.name(), names);
            }
            report(arg, "ARG", names, out);
        }
        for (EnvInstruction env : context.instructions(EnvInstruction.class, true)) {
            List<String> names = new ArrayList<>();
            for (KeyValue pair : env.pairs()) {
                addIfSensitive(pair.key(), names);
            }
            report(env, "ENV", names, out);
        }
    }

    static boolean isSensitive(String name) {
        if (KNOWN.contains(name.toUpperCase(Locale.ROOT))) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String part : SUSPICIOUS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static void addIfSensitive(String name, List<String> names) {
        if (isSensitive(name) && !names.contains(name)) {
            names.add(name);
        }
    }

    private static void report(Instruction at, String keyword, List<String> names, RuleSink out) {
        if (names.isEmpty()) {
            return;
        }
        String joined = String.join(", ", names);
        out.report(at, keyword + " " + joined + (names.size() == 1 ? " looks" : " look")
                + " like a secret; ARG and ENV values stay in the image: use RUN --mount=type=secret", joined);
    }
}
