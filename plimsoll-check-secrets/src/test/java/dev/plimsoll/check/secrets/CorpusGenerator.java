package dev.plimsoll.check.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Generates the scored corpus: a monorepo of a few services (Java, Python, JavaScript, Go, Ruby, PHP, C#), their
 * configuration (.env, properties, YAML, INI, XML, Terraform), deployment (Dockerfile, docker-compose, Kubernetes,
 * Helm values, Docker config.json), lockfiles with hashes, Markdown docs with examples, and test fixtures. Every
 * service gets fresh fakes from the same seeded generator, so the corpus is deterministic.
 */
final class CorpusGenerator {
    private final Fakes f;
    private final Corpus c = new Corpus();

    CorpusGenerator(long seed) {
        this.f = new Fakes(seed);
    }

    Corpus generate(int services) {
        for (int i = 0; i < services; i++) {
            String svc = new String[] {"billing", "orders", "search", "auth", "notify", "ledger", "gateway"}[i % 7]
                    + (i >= 7 ? String.valueOf(i) : "");
            java(svc);
            python(svc);
            javascript(svc);
            go(svc);
            ruby(svc);
            php(svc);
            csharp(svc);
            dotenv(svc);
            properties(svc);
            yaml(svc);
            ini(svc);
            xml(svc);
            docker(svc);
            shell(svc);
            kubernetes(svc);
            terraform(svc);
            lockfiles(svc);
            docs(svc);
            fixtures(svc);
            keys(svc);
            ci(svc);
        }
        return c;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private String uuid() {
        String h = f.hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20);
    }

    private void java(String svc) {
        c.file(svc + "/src/main/java/com/acme/" + svc + "/PaymentGateway.java")
                .n("package com.acme." + svc + ";", "", "import java.util.Map;", "import javax.sql.DataSource;", "",
                        "public final class PaymentGateway {")
                .p("stripe", "    private static final String STRIPE_KEY = \"" + f.stripe() + "\";")
                .p("generic-password", "    private static final String DB_PASSWORD = \"" + f.password() + "\";")
                .x("reference", "    @Value(\"${db.password}\") private String password;")
                .x("reference", "    private final String token = System.getenv(\"GATEWAY_TOKEN\");")
                .x("label", "    private static final String PASSWORD_FIELD = \"password\";")
                .x("label", "    private static final String PASSWORD_LABEL = \"Enter your password\";")
                .x("publishable", "    private static final String STRIPE_PUBLISHABLE_KEY = \"pk_live_" + f.chars(Fakes.BASE62, 24) + "\";")
                .n("", "    DataSource dataSource(HikariConfig config) {")
                .p("generic-password", "        config.setPassword(\"" + f.password() + "\");")
                .x("code", "        config.setPassword(settings.getDatabasePassword());")
                .x("code", "        if (password == null || password.length() < 8) {")
                .n("            throw new IllegalArgumentException(\"weak\");", "        }",
                        "        return new HikariDataSource(config);", "    }")
                .x("code", "    String authHeader(String token) { return \"Bearer \" + token; }")
                .p("github", "    private static final String DEPLOY_TOKEN = \"" + f.github() + "\";")
                .x("github-lookalike", "    private static final String SAMPLE = \"ghp_" + f.chars(Fakes.BASE62, 36) + "\";")
                .n("}");
    }

    private void python(String svc) {
        c.file(svc + "/app/settings.py")
                .n("import os", "from pathlib import Path", "", "BASE_DIR = Path(__file__).resolve().parent.parent",
                        "DEBUG = False")
                .p("generic-secret", "SECRET_KEY = \"" + f.chars(Fakes.BASE62 + "!@#%^&*(-_=+)", 50) + "\"")
                .p("aws", "AWS_ACCESS_KEY_ID = \"" + f.awsKeyId() + "\"")
                .p("aws", "AWS_SECRET_ACCESS_KEY = \"" + f.awsSecret() + "\"")
                .x("aws-example", "EXAMPLE_KEY_ID = \"AKIAIOSFODNN7EXAMPLE\"")
                .x("reference", "DATABASE_PASSWORD = os.environ[\"DATABASE_PASSWORD\"]")
                .x("reference", "api_token = os.getenv(\"API_TOKEN\", \"\")")
                .x("null", "REDIS_PASSWORD = None")
                .x("empty", "SMTP_PASSWORD = \"\"")
                .x("reference", "SENTRY_TOKEN = \"{{ sentry_token }}\"")
                .n("", "DATABASES = {", "    \"default\": {", "        \"ENGINE\": \"django.db.backends.postgresql\",",
                        "        \"NAME\": \"" + svc + "\",")
                .p("generic-password", "        \"PASSWORD\": \"" + f.password() + "\",")
                .n("    }", "}")
                .x("number", "PASSWORD_RESET_TIMEOUT = 259200")
                .x("label", "AUTH_PASSWORD_VALIDATORS = []")
                .p("google", "GOOGLE_MAPS_KEY = \"" + f.googleApiKey() + "\"");
    }

    private void javascript(String svc) {
        c.file(svc + "/web/src/config.js")
                .n("// runtime configuration", "export const config = {", "  region: 'eu-west-1',")
                .p("google", "  apiKey: \"" + f.googleApiKey() + "\",")
                .x("reference", "  githubToken: process.env.GITHUB_TOKEN,")
                .x("placeholder", "  password: \"<your-password>\",")
                .x("placeholder", "  secret: \"xxxxxxxxxxxxxxxxxxxxxxxx\",")
                .x("placeholder", "  apiKey: \"YOUR_API_KEY\",")
                .x("code", "  token: getToken(),")
                .p("generic-secret", "  clientSecret: \"" + f.chars(Fakes.BASE62, 32) + "\",")
                .n("};", "")
                .p("github", "const octokit = new Octokit({ auth: \"" + f.github() + "\" });")
                .x("code", "const auth = { username: user, password: pass };")
                .x("boolean", "const useAuth = { auth: true };")
                .p("slack", "const SLACK = '" + f.slackBot() + "';")
                .x("slack-lookalike", "const SLACK_DOC = 'xoxb-your-token-here';");
        c.file(svc + "/web/src/api.ts")
                .n("import axios from 'axios';", "")
                .x("code", "export function login(password: string): Promise<Token> {")
                .x("code", "  return axios.post('/login', { password }).then(r => r.data.token);")
                .n("}")
                .p("jwt", "const TEST_JWT = \"" + f.jwt() + "\";")
                .x("jwt-lookalike", "const NOT_A_JWT = \"eyJ" + f.chars(Fakes.BASE62, 20) + ".eyJ" + f.chars(Fakes.BASE62, 20) + "." + f.chars(Fakes.BASE62, 20) + "\";");
    }

    private void go(String svc) {
        c.file(svc + "/internal/db/db.go")
                .n("package db", "", "import (", "\t\"database/sql\"", "\t\"os\"", ")", "")
                .p("connection-string", "const dsn = \"postgres://app:" + f.password().replace('@', 'a').replace(':', 'c') + "@db.internal:5432/" + svc + "?sslmode=disable\"")
                .x("reference", "var password = os.Getenv(\"PGPASSWORD\")")
                .x("placeholder", "const exampleDSN = \"postgres://user:password@localhost:5432/db\"")
                .x("reference", "var dsnFromEnv = \"postgres://\" + user + \":\" + password + \"@\" + host")
                .p("slack", "const slackToken = \"" + f.slackBot() + "\"")
                .x("hash", "const imageDigest = \"sha256:" + f.hex(64) + "\"")
                .n("", "func Open() (*sql.DB, error) {", "\treturn sql.Open(\"postgres\", dsn)", "}");
    }

    private void ruby(String svc) {
        c.file(svc + "/config/initializers/mailer.rb")
                .n("ActionMailer::Base.smtp_settings = {", "  address: 'smtp.sendgrid.net',", "  port: 587,",
                        "  user_name: 'apikey',")
                .p("generic-password", "  password: '" + f.password() + "',")
                .x("reference", "  password: ENV['SMTP_PASSWORD'],")
                .x("reference", "  password: Rails.application.credentials.smtp[:password],")
                .n("  authentication: :plain", "}");
    }

    private void php(String svc) {
        c.file(svc + "/public/wp-config.php")
                .n("<?php", "define('DB_NAME', 'wordpress');", "define('DB_USER', 'wp');")
                .p("generic-password", "define('DB_PASSWORD', '" + f.password() + "');")
                .p("generic-secret", "define('AUTH_KEY', '" + f.chars(Fakes.BASE62 + "!@#%^&*()-_[]{}<>~+=,.;:/?|", 64).replace("'", "") + "');")
                .x("placeholder", "define('SECURE_AUTH_KEY', 'put your unique phrase here');")
                .p("generic-password", "$db_password = '" + f.password() + "';")
                .x("reference", "$password = getenv('DB_PASSWORD');");
    }

    private void csharp(String svc) {
        c.file(svc + "/src/Api/appsettings.json")
                .n("{", "  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },", "  \"ConnectionStrings\": {")
                .p("connection-string", "    \"Default\": \"Server=sql01;Database=" + svc + ";User Id=sa;Password=" + f.password().replace(';', 'x') + ";\"")
                .x("reference", "    \"Replica\": \"Server=sql02;Database=" + svc + ";User Id=sa;Password=${SQL_PASSWORD};\"")
                .n("  },")
                .p("generic-secret", "  \"ApiKey\": \"" + f.hex(32) + "\",")
                .x("uuid", "  \"TenantId\": \"" + uuid() + "\",")
                .x("boolean", "  \"RequireAuth\": true,")
                .n("  \"AllowedHosts\": \"*\"", "}");
        c.file(svc + "/src/Api/Startup.cs")
                .n("namespace Api;", "public class Startup {")
                .p("generic-password", "    private const string AdminPassword = \"" + f.password() + "\";")
                .x("code", "    var password = Configuration[\"Admin:Password\"];")
                .n("}");
    }

    private void dotenv(String svc) {
        c.file(svc + "/.env")
                .n("# local settings", "NODE_ENV=production", "PORT=8080")
                .p("generic-password", "DB_PASSWORD=" + f.password())
                .p("generic-password", "ADMIN_PASSWORD=changeme")
                .p("connection-string", "REDIS_URL=redis://:" + f.chars(Fakes.BASE62, 16) + "@cache:6379/0")
                .p("stripe", "STRIPE_SECRET_KEY=" + f.stripe())
                .x("reference", "API_TOKEN=${API_TOKEN}")
                .x("publishable", "STRIPE_PUBLISHABLE_KEY=pk_live_" + f.chars(Fakes.BASE62, 24))
                .x("number", "TOKEN_TTL=3600")
                .p("generic-secret", "HEROKU_API_KEY=" + uuid())
                .x("empty", "GITHUB_TOKEN=");
        c.file(svc + "/.env.example")
                .x("placeholder", "DB_PASSWORD=<your-db-password>")
                .x("placeholder", "STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx")
                .x("placeholder", "API_TOKEN=your_api_token")
                .x("placeholder", "SECRET=********")
                .x("placeholder", "JWT_SECRET=replace-me-with-a-long-random-string");
    }

    private void properties(String svc) {
        c.file(svc + "/src/main/resources/application.properties")
                .n("spring.application.name=" + svc, "server.port=8080")
                .p("generic-password", "spring.datasource.password=" + f.password())
                .p("connection-string", "spring.datasource.url=jdbc:mysql://db:3306/" + svc + "?user=app&password=" + f.chars(Fakes.BASE62, 14))
                .x("reference", "spring.datasource.password=${DB_PASSWORD}")
                .x("empty", "server.ssl.key-store-password=")
                .x("path", "server.ssl.key-store=classpath:keystore.p12")
                .x("number", "security.password.min-length=12")
                .x("reference", "app.jwt.secret=${JWT_SECRET:}")
                .x("reference", "app.vault.token=vault:secret/data/" + svc + "#token");
    }

    private void yaml(String svc) {
        c.file(svc + "/src/main/resources/application-prod.yml")
                .n("spring:", "  datasource:", "    username: app")
                .p("generic-password", "    password: " + f.password())
                .n("  security:", "    oauth2:", "      client:", "        registration:", "          google:",
                        "            client-id: 1234.apps.googleusercontent.com")
                .p("generic-secret", "            client-secret: " + f.chars(Fakes.BASE62, 24))
                .x("url", "            token-uri: https://oauth2.googleapis.com/token")
                .n("app:")
                .p("high-entropy", "  encryption-salt: " + f.base64(44))
                .x("hash", "  commit: " + f.hex(40))
                .x("uuid", "  instance-id: " + uuid())
                .x("reference", "  password: ${DB_PASSWORD}")
                .x("reference", "  token: \"{{ .Values.api.token }}\"")
                .x("reference", "  webhook-secret: ref+vault://secret/" + svc + "#webhook")
                .x("boolean", "  auth: false")
                .x("number", "  token-expiry-seconds: 3600");
        c.file(svc + "/docker-compose.yml")
                .n("services:", "  db:", "    image: postgres:16", "    environment:")
                .p("generic-password", "      POSTGRES_PASSWORD: " + f.password())
                .x("path", "      POSTGRES_PASSWORD_FILE: /run/secrets/db_password")
                .x("reference", "      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?err}")
                .n("  cache:", "    image: redis:7")
                .p("cli", "    command: redis-server --requirepass " + f.chars(Fakes.BASE62, 18))
                .x("reference", "    healthcheck: redis-cli -a \"$REDIS_PASSWORD\" ping");
        c.file(svc + "/helm/values.yaml")
                .n("replicaCount: 2", "image:", "  repository: ghcr.io/acme/" + svc, "postgresql:", "  auth:")
                .x("empty", "    password: \"\"")
                .x("label", "    existingSecret: " + svc + "-db")
                .x("label", "    secretKeys:")
                .x("label", "      userPasswordKey: password");
    }

    private void ini(String svc) {
        c.file(svc + "/deploy/my.cnf")
                .n("[client]", "user = backup", "host = db.internal")
                .p("generic-password", "password = " + f.password().replace("#", "%"))
                .n("[mysqld]", "max_connections = 200");
    }

    private void xml(String svc) {
        c.file(svc + "/src/main/resources/hibernate.cfg.xml")
                .n("<?xml version=\"1.0\"?>", "<hibernate-configuration>", "  <session-factory>")
                .p("generic-password", "    <property name=\"hibernate.connection.password\">" + f.password().replace('<', 'x').replace('&', 'y') + "</property>")
                .x("reference", "    <property name=\"hibernate.connection.password\">${db.password}</property>")
                .n("  </session-factory>", "</hibernate-configuration>");
        c.file(svc + "/settings.xml")
                .n("<settings>", "  <servers>", "    <server>", "      <id>nexus</id>", "      <username>deploy</username>")
                .p("generic-password", "      <password>" + f.password().replace('<', 'x').replace('&', 'y') + "</password>")
                .x("reference", "      <password>${env.NEXUS_PASSWORD}</password>")
                .n("    </server>", "  </servers>", "</settings>");
        c.file(svc + "/Web.config")
                .n("<configuration>", "  <appSettings>")
                .p("generic-secret", "    <add key=\"StorageAccountKey\" value=\"" + f.base64(86) + "==\" />")
                .x("label", "    <add key=\"StorageAccountName\" value=\"acme" + svc + "\" />")
                .n("  </appSettings>", "</configuration>");
    }

    private void docker(String svc) {
        c.file(svc + "/Dockerfile")
                .n("FROM eclipse-temurin:21-jre", "WORKDIR /app")
                .p("generic-password", "ENV DB_PASSWORD=" + f.password().replace(' ', '_'))
                .x("empty", "ARG NPM_TOKEN")
                .p("cli", "RUN mysql -uroot -p'" + f.password().replace("'", "") + "' -e \"CREATE DATABASE app\"")
                .x("cli-prompt", "RUN mysql -u root -p -e \"SHOW DATABASES\"")
                .x("path", "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci")
                .n("COPY target/app.jar /app/app.jar", "ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]");
        String user = "ci-" + svc;
        String pass = f.chars(Fakes.BASE62, 20);
        String gh = f.github();
        c.file(svc + "/.docker/config.json")
                .n("{", "  \"auths\": {", "    \"registry.acme.io\": {")
                .p("docker-auth", "      \"auth\": \"" + b64(user + ":" + pass) + "\"")
                .n("    },", "    \"ghcr.io\": {")
                .p("docker-auth", "      \"auth\": \"" + b64("bot:" + gh) + "\"")
                .n("    },", "    \"https://index.docker.io/v1/\": {}", "  },")
                .x("label", "  \"credsStore\": \"desktop\"")
                .n("}");
    }

    private void shell(String svc) {
        c.file(svc + "/scripts/backup.sh")
                .n("#!/usr/bin/env bash", "set -euo pipefail", "DATE=$(date +%F)")
                .p("cli", "mysqldump -u backup -p" + f.chars(Fakes.BASE62, 14) + " " + svc + " > /backups/" + svc + "-$DATE.sql")
                .p("cli", "redis-cli -h cache -a '" + f.password().replace("'", "") + "' --rdb /backups/dump.rdb")
                .p("cli", "curl -fsS -u deploy:" + f.chars(Fakes.BASE62, 16) + " -T dump.sql https://nexus.internal/repo/")
                .p("cli", "docker login -u ci -p " + f.chars(Fakes.BASE62, 22) + " registry.acme.io")
                .x("reference", "curl -u \"$NEXUS_USER:$NEXUS_PASSWORD\" https://nexus.internal/")
                .x("cli-prompt", "mysql -u root -p")
                .x("reference", "redis-server --requirepass \"$REDIS_PASSWORD\"")
                .p("basic-auth", "git clone https://deploy:" + f.chars(Fakes.BASE62, 18) + "@git.acme.io/team/" + svc + ".git")
                .x("reference", "git clone https://${CI_USER}:${CI_TOKEN}@git.acme.io/team/" + svc + ".git")
                .p("cli", "psql --password=" + f.chars(Fakes.BASE62, 12) + " -h db -U app")
                .p("generic-password", "export PGPASSWORD=" + f.chars(Fakes.BASE62, 12))
                .x("reference", "export PGPASSWORD=\"$(vault kv get -field=password secret/db)\"");
    }

    private void kubernetes(String svc) {
        String pw = f.password();
        c.file(svc + "/deploy/k8s/secret.yaml")
                .n("apiVersion: v1", "kind: Secret", "metadata:", "  name: " + svc + "-db", "type: Opaque", "data:")
                .x("k8s-username", "  username: " + b64("admin"))
                .p("kubernetes-secret", "  password: " + b64(pw))
                .p("kubernetes-secret", "  api-token: " + b64(f.stripe()))
                .x("k8s-cert", "  host: " + b64("db.internal"))
                .n("stringData:")
                .p("kubernetes-secret", "  DATABASE_URL: postgres://app:" + f.chars(Fakes.BASE62, 16) + "@db:5432/" + svc)
                .p("kubernetes-secret", "  signing-key: " + f.chars(Fakes.BASE62 + "!#%", 32))
                .n("---", "apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: " + svc + "-config", "data:")
                .x("configmap", "  LOG_LEVEL: " + "debug")
                .x("configmap", "  FEATURE_FLAGS: " + b64("a,b,c"));
        c.file(svc + "/deploy/k8s/deployment.yaml")
                .n("apiVersion: apps/v1", "kind: Deployment", "spec:", "  template:", "    spec:", "      containers:",
                        "        - name: app", "          env:")
                .x("label", "            - name: DB_PASSWORD")
                .n("              valueFrom:")
                .x("reference", "                secretKeyRef:")
                .x("label", "                  name: " + svc + "-db")
                .x("label", "                  key: password")
                .x("label", "            - name: TOKEN_PATH")
                .x("path", "              value: /var/run/secrets/tokens/api-token");
        String pem = f.pem("PRIVATE KEY", "\n");
        String cert = f.pem("CERTIFICATE", "\n");
        String tls = "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata:\n  name: " + svc + "-tls\ndata:";
        c.file(svc + "/deploy/k8s/tls.yaml")
                .n(tls)
                .x("k8s-cert", "  tls.crt: " + b64(cert))
                .p("kubernetes-secret", "  tls.key: " + b64(pem));
    }

    private void terraform(String svc) {
        c.file(svc + "/infra/main.tf")
                .n("resource \"aws_db_instance\" \"" + svc + "\" {", "  engine         = \"postgres\"",
                        "  instance_class = \"db.t3.micro\"", "  username       = \"app\"")
                .x("reference", "  password       = var.db_password")
                .p("generic-password", "  master_password = \"" + f.password() + "\"")
                .x("reference", "  api_key = data.vault_generic_secret.api.data[\"key\"]")
                .n("}");
    }

    private void lockfiles(String svc) {
        Corpus.FileBuilder lock = c.file(svc + "/web/package-lock.json")
                .n("{", "  \"name\": \"" + svc + "-web\",", "  \"lockfileVersion\": 3,", "  \"packages\": {");
        for (String pkg : new String[] {"js-tokens", "axios", "keygrip", "secure-password-utilities", "jsonwebtoken"}) {
            lock.n("    \"node_modules/" + pkg + "\": {", "      \"version\": \"4.0.0\",",
                            "      \"resolved\": \"https://registry.npmjs.org/" + pkg + "/-/" + pkg + "-4.0.0.tgz\",")
                    .x("hash", "      \"integrity\": \"sha512-" + f.base64(86) + "==\"")
                    .n("    },");
        }
        lock.n("  }", "}");
        Corpus.FileBuilder sum = c.file(svc + "/go.sum");
        for (String mod : new String[] {"golang.org/x/crypto", "github.com/golang-jwt/jwt/v5", "github.com/go-redis/redis"}) {
            sum.x("hash", mod + " v0.21.0 h1:" + f.base64(43) + "=")
                    .x("hash", mod + " v0.21.0/go.mod h1:" + f.base64(43) + "=");
        }
        c.file(svc + "/Cargo.lock")
                .n("[[package]]", "name = \"secrecy\"", "version = \"0.8.0\"",
                        "source = \"registry+https://github.com/rust-lang/crates.io-index\"")
                .x("hash", "checksum = \"" + f.hex(64) + "\"");
        c.file(svc + "/web/yarn.lock")
                .n("jsonwebtoken@^9.0.0:", "  version \"9.0.2\"",
                        "  resolved \"https://registry.yarnpkg.com/jsonwebtoken/-/jsonwebtoken-9.0.2.tgz#" + f.hex(40) + "\"")
                .x("hash", "  integrity sha512-" + f.base64(86) + "==");
        c.file(svc + "/poetry.lock")
                .n("[[package]]", "name = \"keyring\"", "version = \"24.3.0\"", "files = [")
                .x("hash", "    {file = \"keyring-24.3.0.tar.gz\", hash = \"sha256:" + f.hex(64) + "\"},")
                .n("]");
    }

    private void docs(String svc) {
        c.file(svc + "/docs/setup.md")
                .n("# Setting up " + svc, "", "Export your credentials before running:", "", "```bash")
                .x("placeholder", "export GITHUB_TOKEN=<your-token>")
                .x("aws-example", "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE")
                .x("aws-example", "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
                .x("placeholder", "curl -u username:password https://api.example.com/")
                .x("placeholder", "git clone https://user:pass@example.com/repo.git")
                .x("reference", "docker login -u $REGISTRY_USER -p $REGISTRY_PASSWORD")
                .n("```", "", "In GitHub Actions use a secret:", "", "```yaml")
                .x("reference", "  token: ${{ secrets.NPM_TOKEN }}")
                .n("```", "", "The key looks like `sk_live_...`; never commit it.");
        c.file(svc + "/docs/runbook.md")
                .n("# Runbook", "", "## Connect to production", "")
                .p("connection-string", "    psql \"postgresql://ops:" + f.chars(Fakes.BASE62, 15) + "@prod-db.internal:5432/" + svc + "\"")
                .n("", "## Deploy bot", "")
                .p("github", "The deploy bot uses " + f.github() + " until we rotate it.");
    }

    private void fixtures(String svc) {
        c.file(svc + "/src/test/resources/fixtures/users.json")
                .n("[", "  {", "    \"username\": \"alice\",")
                .p("generic-password", "    \"password\": \"" + f.password().replace("\"", "") + "\"")
                .n("  }", "]");
        c.file(svc + "/tests/test_api.py")
                .n("import pytest", "")
                .p("generic-secret", "API_KEY = \"" + f.hex(40) + "\"")
                .x("placeholder", "PASSWORD = \"test\"")
                .x("placeholder", "token = \"dummy-token\"")
                .x("placeholder", "fake_secret = \"fake\"")
                .x("filler", "password = \"aaaaaaaaaaaa\"")
                .x("filler", "secret = \"abcdefghijkl\"")
                .x("number", "password = \"12345678\"")
                .p("generic-password", "db_password = \"test123\"")
                .n("", "def test_login(client):")
                .x("code", "    response = client.post('/login', json={'password': password})")
                .n("    assert response.status_code == 200");
        c.file(svc + "/tests/http/requests.http")
                .n("GET https://api.internal/" + svc + "/orders")
                .p("jwt", "Authorization: Bearer " + f.jwt());
    }

    private void keys(String svc) {
        c.file(svc + "/deploy/certs/server.key").p("private-key", f.pem("RSA PRIVATE KEY", "\n"));
        c.file(svc + "/deploy/certs/server.crt").x("certificate", f.pem("CERTIFICATE", "\n"));
        c.file(svc + "/deploy/certs/public.pem").x("public-key", f.pem("PUBLIC KEY", "\n"));
        c.file(svc + "/keys/id_ed25519.pub").x("public-key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + f.base64(43) + " ops@" + svc);
        c.file(svc + "/config/service-account.json")
                .n("{", "  \"type\": \"service_account\",", "  \"project_id\": \"acme-" + svc + "\",")
                .x("hash", "  \"private_key_id\": \"" + f.hex(40) + "\",")
                .p("private-key", "  \"private_key\": \"" + f.pem("PRIVATE KEY", "\\n") + "\\n\",")
                .n("  \"client_email\": \"" + svc + "@acme.iam.gserviceaccount.com\"", "}");
        c.file(svc + "/docs/keys.md")
                .x("placeholder", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----");
    }

    private void ci(String svc) {
        c.file(svc + "/.gitlab-ci.yml")
                .n("stages: [build, deploy]", "variables:")
                .p("gitlab", "  GITLAB_TOKEN: " + f.gitlab())
                .x("reference", "  NPM_TOKEN: $CI_JOB_TOKEN")
                .n("deploy:", "  script:")
                .p("basic-auth", "    - pip install --index-url https://pypi-user:" + f.chars(Fakes.BASE62, 20) + "@pypi.acme.io/simple " + svc)
                .x("reference", "    - echo \"$REGISTRY_PASSWORD\" | docker login -u \"$REGISTRY_USER\" --password-stdin");
        c.file(svc + "/web/.npmrc")
                .p("npm", "//registry.npmjs.org/:_authToken=" + f.npm())
                .x("reference", "//npm.pkg.github.com/:_authToken=${NPM_TOKEN}");
        c.file(svc + "/.github/workflows/ci.yml")
                .n("name: ci", "on: [push]", "jobs:", "  build:", "    runs-on: ubuntu-latest", "    steps:",
                        "      - uses: actions/checkout@v4")
                .x("reference", "      - run: npm publish --token ${{ secrets.NPM_TOKEN }}")
                .x("reference", "        env: { NODE_AUTH_TOKEN: \"${{ secrets.NPM_TOKEN }}\" }")
                .x("hash", "      - uses: actions/setup-node@" + f.hex(40));
    }
}
