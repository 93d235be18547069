package dev.plimsoll.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DbMetadataTest {
    private static final Instant BUILT = Instant.parse("2024-05-01T10:00:00Z");

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void ageIsTimeSinceTheBuild() {
        DbMetadata m = DbMetadata.current(BUILT, List.of());
        assertThat(m.age(at("2024-05-08T09:00:00Z"))).isEqualTo(Duration.ofDays(7).minusHours(1));
        assertThat(m.ageInDays(at("2024-05-08T09:00:00Z"))).isEqualTo(6);
        assertThat(m.olderThan(Duration.ofDays(5), at("2024-05-08T09:00:00Z"))).isTrue();
        assertThat(m.olderThan(Duration.ofDays(7), at("2024-05-08T09:00:00Z"))).isFalse();
    }

    @Test
    void aClockBehindTheBuildGivesAgeZeroNotNegative() {
        DbMetadata m = DbMetadata.current(BUILT, List.of());
        assertThat(m.age(at("2024-04-01T00:00:00Z"))).isZero();
        assertThat(m.olderThan(Duration.ofDays(1), at("2024-04-01T00:00:00Z"))).isFalse();
    }

    @Test
    void oldestDataDateIsTheStalestFeed() {
        DbMetadata m = TestRecords.metadata();
        assertThat(m.oldestDataDate()).contains(Instant.parse("2024-04-30T22:00:00Z"));
        assertThat(DbMetadata.current(BUILT, List.of()).oldestDataDate()).isEmpty();
        assertThat(m.source("kev")).map(SourceInfo::records).contains(1L);
        assertThat(m.source("nvd")).isEmpty();
        assertThat(m.schemaVersion()).isEqualTo(DbMetadata.CURRENT_SCHEMA);
        assertThat(Optional.of(m.sources().size())).contains(2);
    }
}
