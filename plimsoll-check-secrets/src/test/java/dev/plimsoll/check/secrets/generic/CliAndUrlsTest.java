package dev.plimsoll.check.secrets.generic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Command lines, connection strings and basic-auth URLs. */
class CliAndUrlsTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "generic-cli-password|mysql -uroot -p'r00t!pw' -e 'select 1'|r00t!pw",
        "generic-cli-password|mysqldump -u backup -pBkp9xQ2m shop > dump.sql|Bkp9xQ2m",
        "generic-cli-password|mysql -h db -p\"dq!pass9\" app|dq!pass9",
        "generic-cli-password|redis-server --requirepass R3d!s9pass|R3d!s9pass",
        "generic-cli-password|app --db-password=L0ng!flag9|L0ng!flag9",
        "generic-cli-password|psql --password 'sp@ce9pw' -h db|sp@ce9pw",
        "generic-cli-password|curl -u deploy:Cu9rlPass! https://nexus/|Cu9rlPass!",
        "generic-cli-password|sshpass -p 'Ssh!pass9' ssh ops@host|Ssh!pass9",
        "generic-cli-password|redis-cli -h cache -a Cl1pass!9 ping|Cl1pass!9",
        "generic-cli-password|docker login -u ci -p Dl9xPass! registry.acme.io|Dl9xPass!",
        "generic-cli-password|tool --api-key Xk2v9QmR4tLp7Wn3|Xk2v9QmR4tLp7Wn3",
        "connection-string-password|DATABASE_URL=postgres://app:Pg!pass9@db:5432/app|Pg!pass9",
        "connection-string-password|mongodb+srv://svc:M0ngo!pw@cluster0.x.mongodb.net/db|M0ngo!pw",
        "connection-string-password|redis://:R3dis!pw@cache:6379/0|R3dis!pw",
        "connection-string-password|amqp://guest:Amqp!pw9@rabbit:5672/|Amqp!pw9",
        "connection-string-password|url=jdbc:mysql://db/app?user=a&password=Jdbc!pw9|Jdbc!pw9",
        "connection-string-password|\"Server=sql;Database=x;User Id=sa;Password=Ad0!net;\"|Ad0!net",
        "connection-string-password|host=db dbname=app user=app password=Lpq!pw9x|Lpq!pw9x",
        "basic-auth-url|git clone https://deploy:Gh9!pass@git.acme.io/x.git|Gh9!pass",
        "basic-auth-url|--index-url https://pypi:Py9pass!x@pypi.acme.io/simple|Py9pass!x",
    })
    void finds(String rule, String text, String secret) {
        assertThat(DetectorHarness.scan("run.sh", text)).containsExactly(new DetectorHarness.Hit(rule, secret));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "mysql -u root -p",
        "mysql -u root -P 3306 -h db",
        "redis-server --requirepass \"$REDIS_PASSWORD\"",
        "curl -u \"$USER:$PASS\" https://nexus/",
        "app --password-file /run/secrets/pw",
        "echo \"$PW\" | docker login -u ci --password-stdin",
        "postgres://user:password@localhost:5432/db",
        "postgres://app:${DB_PASSWORD}@db:5432/app",
        "https://user:pass@example.com/repo.git",
        "https://${CI_USER}:${CI_TOKEN}@gitlab.com/x.git",
        "see https://example.com:8080/path and http://localhost:3000",
        "\"Server=sql;Database=x;User Id=sa;Password=${SQL_PASSWORD};\"",
        "git@github.com:acme/repo.git",
    })
    void ignores(String text) {
        assertThat(DetectorHarness.scan("run.sh", text)).isEmpty();
    }
}
