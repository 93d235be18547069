package dev.plimsoll.vulndb.build.nvd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.vulndb.VulnDbReader;
import dev.plimsoll.vulndb.build.ApiKey;
import dev.plimsoll.vulndb.build.DbBuilder;
import dev.plimsoll.vulndb.build.DbUpdater;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.SyncReport;
import dev.plimsoll.vulndb.build.UpdateConfig;
import dev.plimsoll.vulndb.build.UpdateException;
import dev.plimsoll.vulndb.build.UpdateReport;
import dev.plimsoll.vulndb.build.feedio.TestData;
import dev.plimsoll.vulndb.build.kev.KevFeed;
import dev.plimsoll.vulndb.build.nvd.NvdServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db update} with the NVD feed against a local stand-in for the NVD CVE API ({@link NvdServer}) that pages
 * real NVD records (src/test/resources/nvd-api and vulndata/nvd, see the README there) two to a page, beside the
 * real KEV fixture as a second feed. Time is a {@link FakeTime}: the pauses are recorded, never slept.
 *
 * <p>The story: the first sync is a day after CVE-2024-3094 (xz) was published, when NVD listed only Red Hat's
 * CVSS entry; by the second, NVD had added its own, and CVE-2023-44824 had been re-analysed.
 */
class NvdSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FIRST = Instant.parse("2024-03-30T00:00:00Z");
    private static final Instant SECOND = Instant.parse("2025-03-01T00:00:00Z");
    private static final String XZ_VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H";
    private static final String KEY = "4f3c2b1a-0000-4e5d-9c8b-7a6f5e4d3c2b";

    private static final String TEXT4SHELL = vulndata("CVE-2022-42889.json");
    private static final String XZ = vulndata("CVE-2024-3094.json");
    private static final String DLINK = nvdApi("CVE-2023-44807.json");
    private static final String GIFSICLE = nvdApi("CVE-2023-44821.json");
    private static final String EXPENSE_2023 = nvdApi("CVE-2023-44824.2023-10-30.json");
    private static final String EXPENSE_2024 = nvdApi("CVE-2023-44824.2024-04-17.json");
    /** What NVD held at the first sync, in five records: three pages of two. */
    private static final List<String> AT_FIRST = List.of(TEXT4SHELL, xzBeforeNvdAnalysis(), DLINK, GIFSICLE,
            EXPENSE_2023);
    /** What it held at the second: CVE-2023-44824 modified 2024-04-17, CVE-2024-3094 2025-02-06. */
    private static final List<String> AT_SECOND = List.of(TEXT4SHELL, XZ, DLINK, GIFSICLE, EXPENSE_2024);

    @TempDir
    Path tmp;
    Path db;
    NvdServer server;
    FakeTime time;

    @BeforeEach
    void start() throws IOException {
        db = tmp.resolve("db/vulndb.db");
        server = new NvdServer();
        server.serveFile("/kev.json",
                Files.readAllBytes(TestData.fixtures().resolve("kev/known_exploited_vulnerabilities.json")));
        server.holds(AT_FIRST);
        time = new FakeTime(FIRST);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String vulndata(String name) {
        return read(TestData.fixtures().resolve("nvd").resolve(name));
    }

    private static String nvdApi(String name) {
        return read(TestData.fixtures().resolveSibling("nvd-api").resolve(name));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CVE-2024-3094 before NVD analysed it (the only record here not stored as NVD served it): the real record
     * without NVD's own Primary CVSS entry, so only Red Hat's Secondary one is left, last modified when published.
     */
    private static String xzBeforeNvdAnalysis() {
        try {
            ObjectNode cve = (ObjectNode) JSON.readTree(XZ);
            ArrayNode v31 = (ArrayNode) cve.path("metrics").path("cvssMetricV31");
            for (int i = v31.size() - 1; i >= 0; i--) {
                if (v31.get(i).path("source").asText().equals("nvd@nist.gov")) {
                    v31.remove(i);
                }
            }
            cve.put("lastModified", cve.get("published").asText());
            return JSON.writeValueAsString(cve);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UpdateConfig config() {
        return UpdateConfig.defaults(tmp.resolve("cache"))
                .withUrls(Map.of("nvd", server.api(), "kev", server.uri("/kev.json")))
                .withUserAgent("plimsoll-test")
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2))
                .withRetries(4, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    private UpdateConfig requested() {
        return config().withRequested("nvd");
    }

    private UpdateReport update(UpdateConfig config) throws IOException {
        List<Feed> feeds = List.of(new KevFeed(), new NvdFeed(2));
        return new DbUpdater(config, HttpClient.newHttpClient(), time, time, new DbBuilder(2)).update(db, feeds);
    }

    private static SyncReport nvd(UpdateReport report) {
        return report.syncs().stream().filter(s -> s.feed().equals("nvd")).findFirst().orElseThrow();
    }

    private CveFacts facts(String cve) {
        try (VulnDbReader r = VulnDbReader.open(db)) {
            return r.cveFacts(cve).orElseThrow(() -> new AssertionError(cve + " not in the database"));
        }
    }

    /** The NVD mirror's folder in the download cache. */
    private Path mirrorDir() throws IOException {
        try (Stream<Path> entries = Files.list(tmp.resolve("cache"))) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".mirror")).findFirst().orElseThrow();
        }
    }

    /** The files in the mirror, as "folder/file". */
    private List<String> mirror() throws IOException {
        if (!Files.isDirectory(tmp.resolve("cache"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("cache"))) {
            return files.filter(Files::isRegularFile).map(p -> tmp.resolve("cache").relativize(p).toString())
                    .filter(p -> p.contains(".mirror/")).map(p -> p.substring(p.indexOf('/') + 1)).sorted().toList();
        }
    }

    /** The syncs recorded in the update state ("" when there is no state file yet). */
    private String syncsInState() throws IOException {
        Path state = db.resolveSibling("vulndb.db.update-state.json");
        return Files.exists(state) ? String.valueOf(JSON.readTree(state.toFile()).get("syncs")) : "";
    }

    private static List<String> queries(List<NvdServer.Request> requests) {
        return requests.stream().map(NvdServer.Request::rawQuery).toList();
    }

    @Test
    void theFirstSyncDownloadsEveryPageAndTheDatabaseHasTheirFacts() throws IOException {
        UpdateReport report = update(requested());

        assertThat(queries(server.apiRequests())).containsExactly("resultsPerPage=2&startIndex=0",
                "resultsPerPage=2&startIndex=2", "resultsPerPage=2&startIndex=4");
        assertThat(time.waits).containsExactly(Duration.ofSeconds(6), Duration.ofSeconds(6));
        SyncReport nvd = nvd(report);
        assertThat(nvd.kind()).isEqualTo(SyncReport.Kind.FULL);
        assertThat(nvd.message()).isEqualTo("full download: 5 CVEs in 3 pages (no earlier sync recorded)");
        assertThat(nvd.requests()).isEqualTo(3);
        assertThat(nvd.syncedAt()).contains(FIRST);
        assertThat(mirror()).containsExactly("20240330T000000.000Z-full/page-000000000.json",
                "20240330T000000.000Z-full/page-000000002.json", "20240330T000000.000Z-full/page-000000004.json");

        assertThat(facts("CVE-2024-3094").nvdCvss()).containsExactly(
                new Cvss("3.1", XZ_VECTOR, Optional.of(10.0), "secalert@redhat.com"));
        assertThat(facts("CVE-2023-44821").description()).get().asString().startsWith("Buffer Overflow");
        assertThat(facts("CVE-2023-44821").nvdCvss()).isEmpty();   // awaiting analysis
        assertThat(facts("CVE-2023-44824").nvdCvss()).extracting(Cvss::vector)
                .containsExactly("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H");
        assertThat(facts("CVE-2022-42889").nvdCvss()).extracting(Cvss::score).containsExactly(Optional.of(9.8));
        assertThat(facts("CVE-2023-44807").description()).contains(
                "D-Link DIR-820L 1.05B03 has a stack overflow vulnerability in the cancelPing function.");
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.metadata().source("nvd").orElseThrow().location()).isEqualTo(server.api().toString());
            assertThat(r.metadata().source("nvd").orElseThrow().fetchedAt()).isEqualTo(FIRST);
            assertThat(r.metadata().source("kev")).isPresent();
        }
        assertThat(Files.readString(db.resolveSibling("vulndb.db.update-state.json")))
                .contains("\"syncs\"").contains("\"syncedAt\" : \"2024-03-30T00:00:00Z\"");
        assertThat(server.apiRequests()).allSatisfy(q -> {
            assertThat(q.userAgent()).isEqualTo("plimsoll-test");
            assertThat(q.apiKey()).isNull();
        });
    }

    @Test
    void aLaterSyncFetchesOnlyTheChangesWindowByWindowAndTheNewestCopyWins() throws IOException {
        update(requested());
        server.holds(AT_SECOND);
        server.requests.clear();
        time.set(SECOND);
        time.waits.clear();

        UpdateReport report = update(requested());

        // 336 days since the first sync: three windows of at most 120 days, each paged (the second is empty).
        assertThat(queries(server.apiRequests())).containsExactly(
                "resultsPerPage=2&startIndex=0&lastModStartDate=2024-03-30T00:00:00.000"
                        + "&lastModEndDate=2024-07-28T00:00:00.000",
                "resultsPerPage=2&startIndex=0&lastModStartDate=2024-07-28T00:00:00.000"
                        + "&lastModEndDate=2024-11-25T00:00:00.000",
                "resultsPerPage=2&startIndex=0&lastModStartDate=2024-11-25T00:00:00.000"
                        + "&lastModEndDate=2025-03-01T00:00:00.000");
        assertThat(time.waits).containsExactly(Duration.ofSeconds(6), Duration.ofSeconds(6));
        SyncReport nvd = nvd(report);
        assertThat(nvd.kind()).isEqualTo(SyncReport.Kind.INCREMENTAL);
        assertThat(nvd.message()).isEqualTo("changes since 2024-03-30T00:00:00Z: 2 CVEs in 3 pages"
                + " (3 windows of at most 120 days)");
        assertThat(mirror()).contains("20250301T000000.000Z-delta/w000-page-000000000.json",
                "20250301T000000.000Z-delta/w002-page-000000000.json").hasSize(6);

        // The new copy replaces the old one: NVD's own entry only, not merged with the old Red Hat one.
        assertThat(facts("CVE-2024-3094").nvdCvss()).containsExactly(
                new Cvss("3.1", XZ_VECTOR, Optional.of(10.0), "nvd"));
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.counts().cves()).isGreaterThanOrEqualTo(5);
            assertThat(r.metadata().source("nvd").orElseThrow().fetchedAt()).isEqualTo(SECOND);
            assertThat(r.metadata().source("nvd").orElseThrow().records()).isEqualTo(5);
        }
        assertThat(facts("CVE-2023-44807").description()).get().asString().startsWith("D-Link");   // full download
    }

    @Test
    void aPageThatIsMalformedFailsTheUpdateNamingItsUrlAndKeepsTheOldDatabase() throws IOException {
        update(requested());
        byte[] before = Files.readAllBytes(db);
        String syncs = syncsInState();
        List<String> mirror = mirror();
        server.holds(AT_SECOND);
        time.set(SECOND);
        String page = "{\"resultsPerPage\":1,\"startIndex\":0,\"totalResults\":1,\"vulnerabilities\":[{\"cve\":"
                + XZ + "}]}";
        server.answer(3, Reply.body(page.substring(0, page.length() / 2)));

        assertThatThrownBy(() -> update(requested())).isInstanceOf(UpdateException.class)
                .hasMessageContaining("NVD page (" + server.api() + "?resultsPerPage=2&startIndex=0"
                        + "&lastModStartDate=2024-11-25T00:00:00.000&lastModEndDate=2025-03-01T00:00:00.000"
                        + "): malformed response: not valid JSON");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(syncsInState()).isEqualTo(syncs).contains("2024-03-30T00:00:00Z");
        assertThat(mirror()).isEqualTo(mirror);
        assertThat(facts("CVE-2024-3094").nvdCvss()).extracting(Cvss::source).containsExactly("secalert@redhat.com");

        // The next update starts from the last good sync again.
        server.requests.clear();
        UpdateReport report = update(requested());
        assertThat(nvd(report).kind()).isEqualTo(SyncReport.Kind.INCREMENTAL);
        assertThat(server.apiRequests().getFirst().query()).containsEntry("lastModStartDate",
                "2024-03-30T00:00:00.000");
        assertThat(facts("CVE-2024-3094").nvdCvss()).extracting(Cvss::source).containsExactly("nvd");
    }

    @Test
    void pagesFailingTheirChecksFailTheUpdate() throws IOException {
        server.answer(2, Reply.body("{\"resultsPerPage\":2,\"startIndex\":2,\"totalResults\":5,"
                + "\"vulnerabilities\":[]}"));
        assertThatThrownBy(() -> update(requested())).isInstanceOf(UpdateException.class)
                .hasMessage("NVD page (" + server.api() + "?resultsPerPage=2&startIndex=2): malformed response:"
                        + " no CVEs, but totalResults 5 is not reached");
        assertThat(db).doesNotExist();
        assertThat(mirror()).isEmpty();
        assertThat(syncsInState()).doesNotContain("syncedAt");
    }

    @Test
    void aServerThatKeepsSendingShortPagesIsNotPagedForEver() {
        for (int i = 0; i <= NvdSync.SHORT_PAGES_ALLOWED; i++) {
            server.answer(i + 1, Reply.body("{\"resultsPerPage\":1,\"startIndex\":" + i + ",\"totalResults\":100000,"
                    + "\"vulnerabilities\":[{\"cve\":" + DLINK + "}]}"));
        }
        assertThatThrownBy(() -> update(requested())).isInstanceOf(UpdateException.class)
                .hasMessage("NVD page (" + server.api() + "?resultsPerPage=2&startIndex=10): malformed response: 11"
                        + " pages with fewer than the 2 CVEs asked for before totalResults 100000 was reached");
        assertThat(server.apiRequests()).hasSize(11);
    }

    @Test
    void aPageLargerThanTheBoundIsRefused() {
        UpdateConfig small = requested().withLimits(new UpdateConfig.UnpackLimits(8000, 10, 8000, 8000));
        assertThatThrownBy(() -> update(small)).isInstanceOf(UpdateException.class)
                .hasMessageContaining("NVD page (" + server.api() + "?resultsPerPage=2&startIndex=")
                .hasMessageContaining("more than the limit of 8000");
        assertThat(db).doesNotExist();
    }

    @Test
    void rateLimitAnswersAreRetriedWithBackoffHonouringRetryAfterAndStillPaced() throws IOException {
        server.answer(2, Reply.status(429, Map.of("Retry-After", "7")));
        server.answer(4, Reply.status(403, Map.of()));
        server.answer(5, Reply.status(503, Map.of()));

        UpdateReport report = update(requested());

        // page 2: paced 6 s, 429 asks for 7 s (more than the pace); page 3: paced 6 s, 403 backs off 2 s and the
        // pace adds 4 s, 503 backs off 4 s and the pace adds 2 s.
        assertThat(time.waits).containsExactly(Duration.ofSeconds(6), Duration.ofSeconds(7), Duration.ofSeconds(6),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(2));
        assertThat(queries(server.apiRequests())).containsExactly("resultsPerPage=2&startIndex=0",
                "resultsPerPage=2&startIndex=2", "resultsPerPage=2&startIndex=2", "resultsPerPage=2&startIndex=4",
                "resultsPerPage=2&startIndex=4", "resultsPerPage=2&startIndex=4");
        assertThat(nvd(report).requests()).isEqualTo(6);
        assertThat(facts("CVE-2023-44824").nvdCvss()).isNotEmpty();
    }

    @Test
    void aRateLimitThatPersistsFailsTheUpdate() {
        server.answer(1, Reply.status(403, Map.of()));
        server.answer(2, Reply.status(403, Map.of()));
        server.answer(3, Reply.status(403, Map.of()));
        server.answer(4, Reply.status(403, Map.of()));
        assertThatThrownBy(() -> update(requested())).isInstanceOf(UpdateException.class)
                .hasMessage("NVD page (" + server.api() + "?resultsPerPage=2&startIndex=0): HTTP 403"
                        + " (gave up after 4 attempts)");
        assertThat(db).doesNotExist();
    }

    @Test
    void withAnApiKeyItIsSentAsAHeaderOnlyThePaceIsFasterAndItIsNeverShown() throws IOException {
        UpdateConfig keyed = config().withApiKey("nvd", ApiKey.parse(KEY).orElseThrow());
        UpdateReport report = update(keyed);

        assertThat(nvd(report).kind()).isEqualTo(SyncReport.Kind.FULL);   // a key enables NVD by itself
        assertThat(time.waits).containsExactly(Duration.ofMillis(600), Duration.ofMillis(600));
        assertThat(server.apiRequests()).hasSize(3).allSatisfy(q -> {
            assertThat(q.apiKey()).isEqualTo(KEY);
            assertThat(q.rawQuery()).doesNotContain(KEY);
        });
        assertThat(server.requests).filteredOn(q -> q.path().equals("/kev.json"))
                .extracting(NvdServer.Request::apiKey).containsOnlyNulls();
        assertThat(report.toString()).doesNotContain(KEY);
        assertThat(keyed.toString()).doesNotContain(KEY).contains("ApiKey[****]");
        assertThat(Files.readString(db.resolveSibling("vulndb.db.update-state.json"))).doesNotContain(KEY);

        time.set(SECOND);
        server.answer(1, Reply.status(403, Map.of()));
        server.answer(2, Reply.status(403, Map.of()));
        server.answer(3, Reply.status(403, Map.of()));
        server.answer(4, Reply.status(403, Map.of()));
        assertThatThrownBy(() -> update(keyed)).isInstanceOf(UpdateException.class)
                .hasMessageContaining("): HTTP 403 (gave up after 4 attempts) (NVD also answers so to an API key it"
                        + " does not accept)").message().doesNotContain(KEY);
    }

    @Test
    void withoutAKeyOrARequestNvdIsSkippedAndTheReportSaysHowToEnableIt() throws IOException {
        UpdateReport report = update(config());

        assertThat(server.apiRequests()).isEmpty();
        SyncReport nvd = nvd(report);
        assertThat(nvd.kind()).isEqualTo(SyncReport.Kind.SKIPPED);
        assertThat(nvd.syncedAt()).isEmpty();
        assertThat(nvd.message()).startsWith("skipped: NVD is synced only when asked for")
                .contains("NVD_API_KEY").contains("--with-nvd").contains("15 minutes");
        assertThat(report.build().absent()).containsExactly("nvd");
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.metadata().source("nvd")).isEmpty();
            assertThat(r.cveFacts("CVE-2021-44228")).hasValueSatisfying(f -> assertThat(f.knownExploited()).isTrue());
        }
    }

    @Test
    void withoutAKeyOrARequestAnEarlierSyncIsBuiltInNotRefreshed() throws IOException {
        update(requested());
        server.requests.clear();
        time.set(SECOND);

        UpdateReport report = update(config());

        assertThat(server.apiRequests()).isEmpty();
        SyncReport nvd = nvd(report);
        assertThat(nvd.kind()).isEqualTo(SyncReport.Kind.CACHED);
        assertThat(nvd.message()).startsWith("not refreshed: built from the NVD data synced at 2024-03-30T00:00:00Z")
                .contains("NVD_API_KEY").contains("--with-nvd");
        assertThat(facts("CVE-2024-3094").nvdCvss()).extracting(Cvss::source).containsExactly("secalert@redhat.com");
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.metadata().source("nvd").orElseThrow().fetchedAt()).isEqualTo(FIRST);
        }
    }

    @Test
    void aSyncWithinTwoHoursOfTheLastFetchesNothing() throws IOException {
        update(requested());
        server.requests.clear();
        time.set(FIRST.plus(Duration.ofMinutes(90)));

        SyncReport nvd = nvd(update(requested()));

        assertThat(server.apiRequests()).isEmpty();
        assertThat(nvd.kind()).isEqualTo(SyncReport.Kind.CACHED);
        assertThat(nvd.message()).startsWith("up to date: synced at 2024-03-30T00:00:00Z, less than 2 hours ago");
        assertThat(facts("CVE-2023-44821").description()).isPresent();
    }

    @Test
    void aLastSyncTooOldForIncrementsOrAMissingStateOrMirrorMeansAFullDownload() throws IOException {
        update(requested());
        Instant later = FIRST.plus(Duration.ofDays(361));
        time.set(later);
        server.holds(AT_SECOND);
        server.requests.clear();

        SyncReport stale = nvd(update(requested()));
        assertThat(stale.kind()).isEqualTo(SyncReport.Kind.FULL);
        assertThat(stale.message()).endsWith("(the last sync, at 2024-03-30T00:00:00Z, is more than 360 days old)");
        assertThat(server.apiRequests()).allSatisfy(q -> assertThat(q.query()).doesNotContainKey("lastModStartDate"))
                .hasSize(3);
        assertThat(mirror()).allSatisfy(p -> assertThat(p).startsWith("20250326T000000.000Z-full/")).hasSize(3);
        assertThat(facts("CVE-2024-3094").nvdCvss()).extracting(Cvss::source).containsExactly("nvd");

        Files.delete(db.resolveSibling("vulndb.db.update-state.json"));
        time.set(later.plus(Duration.ofDays(1)));
        SyncReport noState = nvd(update(requested()));
        assertThat(noState.kind()).isEqualTo(SyncReport.Kind.FULL);
        assertThat(noState.message()).endsWith("(no earlier sync recorded)");

        try (Stream<Path> synced = Files.list(mirrorDir())) {
            for (Path folder : synced.toList()) {
                try (Stream<Path> pages = Files.list(folder)) {
                    for (Path p : pages.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(folder);
            }
        }
        time.set(later.plus(Duration.ofDays(2)));
        SyncReport noMirror = nvd(update(requested()));
        assertThat(noMirror.kind()).isEqualTo(SyncReport.Kind.FULL);
        assertThat(noMirror.message()).endsWith("(the cached NVD data does not match the sync recorded at "
                + later.plus(Duration.ofDays(1)) + ")");
        assertThat(facts("CVE-2023-44807").description()).isPresent();
    }

    @Test
    void theNvdPagesOfAnUpdateCanBeReadBackAsTheyAreStored() throws IOException {
        update(requested());
        Path page = mirrorDir().resolve("20240330T000000.000Z-full/page-000000004.json");
        JsonNode stored = JSON.readTree(page.toFile());
        assertThat(stored.get("totalResults").asInt()).isEqualTo(5);
        assertThat(stored.get("vulnerabilities").get(0).get("cve")).isEqualTo(JSON.readTree(EXPENSE_2023));
    }
}
