package dev.plimsoll.check.secrets.generic;

import dev.plimsoll.check.secrets.engine.Candidate;
import dev.plimsoll.check.secrets.engine.Detector;
import dev.plimsoll.check.secrets.engine.RuleInfo;
import dev.plimsoll.check.secrets.engine.ScanText;
import dev.plimsoll.check.secrets.filter.KeyNames;
import dev.plimsoll.check.secrets.filter.Values;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords in database and broker connection strings: URLs ({@code postgres://u:p@h}, mysql, mongodb(+srv),
 * redis(s), amqp(s), mssql, jdbc:…) and key-value forms (JDBC {@code password=}, ADO.NET {@code Password=},
 * libpq {@code host=… password=…}) when the line also holds a connection key.
 */
public final class ConnectionStrings implements Detector {
    static final RuleInfo RULE = RuleInfo.generic("connection-string-password",
            "Password in a database or broker connection string", Severity.CRITICAL, RuleInfo.SPECIFIC);

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:jdbc:)?(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|"
                    + "oracle|cockroachdb|clickhouse|nats|kafka|ldaps?|smtps?|couchdb|neo4j(?:\\+s)?|bolt|"
                    + "memcached|influxdb|cassandra|elasticsearch|rabbitmq|mqtts?|db2|snowflake)(?:\\+[a-z0-9]+)?"
                    + "://([^\\s:/@'\"?#]*):([^\\s@/'\"]{1,200})@(?=[\\w\\[.-])");
    private static final Pattern CONTEXT = Pattern.compile(
            "(?i)jdbc:|\\b(?:server|data source|host|user id|uid|database|initial catalog|dbname|address|"
                    + "addr|hostname)\\s*=");
    private static final Pattern KV_PASSWORD = Pattern.compile(
            "(?i)(?:^|[;?&\\s\"'(:])(?:password|pwd)\\s*=\\s*"
                    + "(?:'([^'\\r\\n]*)'|\"([^\"\\r\\n]*)\"|\\{([^}\\r\\n]*)}|([^;&\\s\"'<]+))");

    @Override
    public List<String> keywords() {
        return List.of("postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver", "oracle",
                "cockroach", "clickhouse", "nats://", "kafka://", "ldap", "smtp", "couchdb", "neo4j", "bolt://",
                "memcached", "influxdb", "cassandra", "elasticsearch", "rabbitmq", "mqtt", "db2://", "snowflake",
                "jdbc:", "password=", "pwd=", "password =", "pwd =");
    }

    @Override
    public void detect(ScanText text, int from, int to, List<Candidate> out) {
        String s = text.text();
        Matcher m = URL.matcher(s);
        m.region(from, s.indexOf('@', from, to) < 0 ? from : to);   // no '@': no URL credentials
        m.useTransparentBounds(true);
        while (m.find()) {
            add(m.group(2), m.start(2), m.end(2), m.group(), out);
        }
        int pos = from;
        while (pos < to) {
            int le = text.lineEnd(pos);
            String line = s.substring(pos, le);
            if (CONTEXT.matcher(line).find()) {
                Matcher k = KV_PASSWORD.matcher(line);
                while (k.find()) {
                    for (int g = 1; g <= 4; g++) {
                        if (k.start(g) >= 0) {
                            add(k.group(g), pos + k.start(g), pos + k.end(g), k.group(), out);
                            break;
                        }
                    }
                }
            }
            pos = le + 1;
        }
    }

    private static void add(String value, int start, int end, String match, List<Candidate> out) {
        if (Values.reject(value, KeyNames.Kind.PASSWORD, false, false).isEmpty()) {
            out.add(Candidate.of(RULE, start, end, value, match));
        }
    }
}
