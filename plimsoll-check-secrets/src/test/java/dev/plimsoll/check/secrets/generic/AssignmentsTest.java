package dev.plimsoll.check.secrets.generic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssignmentsTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // code
        "App.java|private static final String DB_PASSWORD = \"p@ss:w0rd!#%\";|p@ss:w0rd!#%",
        "app.py|password = 'Tr0ub4dor&3'|Tr0ub4dor&3",
        "main.go|Password: \"S3cr3t;pass\",|S3cr3t;pass",
        "main.go|dbPass := \"S3cr3t;pass\"|S3cr3t;pass",
        "Client.java|ds.setPassword(\"hunter2!x\");|hunter2!x",
        "wp-config.php|define('DB_PASSWORD', 'wp-s3cret!');|wp-s3cret!",
        "index.php|$db_password = 'wp-s3cret!';|wp-s3cret!",
        "mailer.rb|  :password => \"Sm7p!pass\",|Sm7p!pass",
        // config
        ".env|DB_PASSWORD=p@ss w0rd#1|p@ss w0rd#1",
        ".env|export API_TOKEN=Xk2v9QmR4tLp7Wn3|Xk2v9QmR4tLp7Wn3",
        "application.properties|spring.datasource.password=Pr0d!db$pw|Pr0d!db$pw",
        "application.yml|    password: unquoted!yaml:pw|unquoted!yaml:pw",
        "config.json|{\"password\": \"js0n!pw\"}|js0n!pw",
        "my.cnf|password = ini;pass # comment|ini;pass",
        "app.toml|client_secret = \"Q9x!vR2m#Lp7Wn3z\"|Q9x!vR2m#Lp7Wn3z",
        "settings.xml|<password>xml!Pw9</password>|xml!Pw9",
        "hibernate.cfg.xml|<property name=\"connection.password\">hb!Pw9x</property>|hb!Pw9x",
        "Web.config|<add key=\"DbPassword\" value=\"adoNet!9\" />|adoNet!9",
        "pom.xml|<server password=\"attr!Pw9\"/>|attr!Pw9",
        "Dockerfile|ENV DB_PASSWORD d0cker!pw|d0cker!pw",
        "Dockerfile|ENV DB_PASSWORD=d0cker!pw OTHER=1|d0cker!pw",
        "README.md|Use `admin_password: changeme` to log in|changeme",
        "src/test/resources/users.yml|password: test123|test123",
        "values.yaml|  encryptionKey: q8Z2mT4kWp9vRx2LcN7bY4sDa1Fh6Jk3|q8Z2mT4kWp9vRx2LcN7bY4sDa1Fh6Jk3",
        "app.env|HEROKU_API_KEY=3f2b8c4e-9a1d-4e7b-b2c6-8d5f1a9e0c37|3f2b8c4e-9a1d-4e7b-b2c6-8d5f1a9e0c37",
        "url.txt|https://api.acme.io/v1?token=Xk2v9QmR4tLp7Wn3&x=1|Xk2v9QmR4tLp7Wn3",
    })
    void findsTheValue(String path, String text, String secret) {
        assertThat(DetectorHarness.scan(path, text)).extracting(DetectorHarness.Hit::secret).containsExactly(secret);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "App.java|String password = System.getenv(\"DB_PASSWORD\");",
        "App.java|@Value(\"${db.password}\") private String password;",
        "App.java|private static final String PASSWORD_FIELD = \"password\";",
        "App.java|if (password.length() < 8) throw new X();",
        "App.java|config.setPassword(settings.getPassword());",
        "app.py|password = os.environ['DB_PASSWORD']",
        "app.py|token = None",
        "app.js|const token = process.env.GITHUB_TOKEN;",
        "app.js|login({ password: pass });",
        "app.ts|function login(password: string) {}",
        "main.go|password := os.Getenv(\"PGPASSWORD\")",
        ".env|API_TOKEN=${API_TOKEN}",
        ".env|DB_PASSWORD=",
        ".env.example|DB_PASSWORD=<your-db-password>",
        ".env|SECRET=********",
        ".env|TOKEN_TTL=3600",
        "application.properties|spring.datasource.password=${DB_PASSWORD}",
        "application.yml|password: \"{{ .Values.db.password }}\"",
        "application.yml|secretName: db-credentials",
        "application.yml|token-uri: https://oauth2.googleapis.com/token",
        "application.yml|auth: true",
        "application.yml|password: vault:secret/data/db#password",
        "application.yml|webhook-secret: ref+vault://secret/app#webhook",
        "deployment.yaml|  key: password",
        "docker-compose.yml|POSTGRES_PASSWORD_FILE: /run/secrets/db_password",
        "docker-compose.yml|MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?err}",
        "main.tf|password = var.db_password",
        "ci.yml|token: ${{ secrets.NPM_TOKEN }}",
        "package-lock.json|\"integrity\": \"sha512-q8Z2mT4kWp9vRx2LcN7bY4sDa1Fh6Jk3q8Z2mT4kWp9vRx2LcN7bY4sDa1Fh6Jk3==\"",
        "config.yml|commit: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
        "config.yml|request_id: 3f2b8c4e-9a1d-4e7b-b2c6-8d5f1a9e0c37",
        "config.yml|publishable_key: pk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "config.yml|public_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIabc ops@host",
        "config.yml|secret: my-app-secret",
        "config.yml|cache_key: user:profile:v2",
        "config.yml|password: xxxxxxxx",
        "ui.js|const passwordLabel = \"Enter your password\";",
        "test_api.py|password = \"test\"",
        "test_api.py|token = \"dummy-token\"",
        "app.py|password = \"abcdefgh\"",
        "app.env|api_key = \"12345678\"",
    })
    void ignoresLookAlikes(String path, String text) {
        assertThat(DetectorHarness.scan(path, text)).isEmpty();
    }

    @Test
    void findsEveryAssignmentOnALine() {
        assertThat(DetectorHarness.scan("a.env", "user=a password=S3cret!1 token=Xk2v9QmR4tLp7Wn3"))
                .extracting(DetectorHarness.Hit::secret).containsExactly("S3cret!1", "Xk2v9QmR4tLp7Wn3");
    }

    @Test
    void namesTheKindOfKey() {
        assertThat(DetectorHarness.scan("a.yml", "password: p@ss!9x\napi_key: Xk2v9QmR4tLp7Wn3\nsalt: "
                + "q8Z2mT4kWp9vRx2LcN7bY4sDa1Fh6Jk3\n")).extracting(DetectorHarness.Hit::rule)
                .containsExactly("generic-password", "generic-secret", "generic-high-entropy");
    }
}
