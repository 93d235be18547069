package dev.plimsoll.version.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Schemes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoVersionTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        v1.2.3                                       ; MODULE    ; v1.2.3
        v1                                           ; MODULE    ; v1.0.0
        v1.2                                         ; MODULE    ; v1.2.0
        v2.0.0+incompatible                          ; MODULE    ; v2.0.0
        v0.0.0-20200116001909-b77594299b42           ; MODULE    ; v0.0.0-20200116001909-b77594299b42
        1.9.3                                        ; BARE      ; v1.9.3
        0                                            ; BARE      ; v0.0.0
        10.5.2+incompatible                          ; BARE      ; v10.5.2
        1.18.0-0                                     ; BARE      ; v1.18.0-0
        1.27.0-rc.3                                  ; BARE      ; v1.27.0-rc.3
        go1.21.3                                     ; TOOLCHAIN ; v1.21.3
        go1.21                                       ; TOOLCHAIN ; v1.21.0
        go1                                          ; TOOLCHAIN ; v1.0.0
        go1.21rc2                                    ; TOOLCHAIN ; v1.21.0-rc.2
        go1.20beta1                                  ; TOOLCHAIN ; v1.20.0-beta.1
        go1.9.2rc2                                   ; TOOLCHAIN ; v1.9.2-rc.2
        1.21rc2                                      ; TOOLCHAIN ; v1.21.0-rc.2
        go1.21.3 X:boringcrypto                      ; TOOLCHAIN ; v1.21.3
        """)
    void readsEveryForm(String raw, GoVersion.Form form, String canonical) throws InvalidVersionException {
        GoVersion v = GoScheme.INSTANCE.parse(raw);
        assertThat(v.form()).isEqualTo(form);
        assertThat(v.canonical()).isEqualTo(canonical);
        assertThat(v.raw()).isEqualTo(raw);
    }

    @Test
    void toolchainVersionsMeetOsvStdlibVersions() throws InvalidVersionException {
        // OSV writes the stdlib's go1.21rc2 as "1.21.0-rc.2" and "introduced before any 1.21 pre-release" as 1.21.0-0.
        assertThat(GoVersion.parse("go1.21rc2")).isEqualTo(GoVersion.parse("1.21.0-rc.2"));
        assertThat(GoVersion.parse("go1.21.0").compareTo(GoVersion.parse("1.21.0-rc.3"))).isPositive();
        assertThat(GoVersion.parse("go1.21rc1").compareTo(GoVersion.parse("1.21.0-0"))).isPositive();
        assertThat(GoVersion.parse("go1.20.14").compareTo(GoVersion.parse("1.21.0-0"))).isNegative();
        assertThat(GoVersion.parse("go1.21").compareTo(GoVersion.parse("go1.21.1"))).isNegative();
    }

    @Test
    void ordersLikeSemver() throws InvalidVersionException {
        List<String> ascending = List.of("v0.0.0-20190101000000-aaaaaaaaaaaa", "v0.0.0-20200101000000-aaaaaaaaaaaa",
            "v0.1.0", "v1.0.0-0", "v1.0.0-0.3.7", "v1.0.0-alpha", "v1.0.0-alpha.1", "v1.0.0-alpha.beta",
            "v1.0.0-beta", "v1.0.0-beta.2", "v1.0.0-beta.11", "v1.0.0-rc.1", "v1.0.0",
            "v1.0.1-0.20200101000000-abcdefabcdef", "v1.0.1", "v1.2.0", "v1.10.0", "v2.0.0+incompatible",
            "v2.0.1-pre.0.20210101000000-abcdefabcdef", "v2.0.1-pre.1", "v10.0.0");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            GoVersion lower = GoVersion.parse(ascending.get(i));
            GoVersion higher = GoVersion.parse(ascending.get(i + 1));
            assertThat(lower.compareTo(higher)).as(lower + " < " + higher).isNegative();
            assertThat(higher.compareTo(lower)).as(higher + " > " + lower).isPositive();
        }
    }

    @Test
    void buildMetadataDoesNotCount() throws InvalidVersionException {
        GoVersion incompatible = GoVersion.parse("v2.0.0+incompatible");
        assertThat(incompatible.isIncompatible()).isTrue();
        assertThat(incompatible.build()).isEqualTo("incompatible");
        assertThat(incompatible).isEqualTo(GoVersion.parse("v2.0.0")).hasSameHashCodeAs(GoVersion.parse("2.0.0"));
        assertThat(GoVersion.parse("v1.2").compareTo(GoVersion.parse("v1.2.0"))).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        v0.0.0-20200116001909-b77594299b42           ; NO_BASE         ; 20200116001909 ; b77594299b42
        v1.3.7-0.20191109021931-daa7c04131f5         ; RELEASE_BASE    ; 20191109021931 ; daa7c04131f5
        v1.5.0-rc1.0.20230601080528-80d139bb5d1d     ; PRERELEASE_BASE ; 20230601080528 ; 80d139bb5d1d
        2.2.5-rc6.0.20190621200032-0ddffe484adc+incompatible ; PRERELEASE_BASE ; 20190621200032 ; 0ddffe484adc
        8.0.0-20250218121836-2b5275d87136            ; NO_BASE         ; 20250218121836 ; 2b5275d87136
        """)
    void recognisesPseudoVersions(String raw, PseudoVersion.Kind kind, String time, String revision)
        throws InvalidVersionException {
        assertThat(GoVersion.parse(raw).pseudo()).contains(new PseudoVersion(kind, time, revision));
    }

    @Test
    void tagsAreNotPseudoVersions() throws InvalidVersionException {
        for (String tag : List.of("v1.2.3", "v1.2.3-rc.1", "v1.2.0-20200116001909-b77594299b42",
            "v0.0.0-2020011600190-b77594299b42", "v1.0.0-1.20200116001909-b77594299b42",
            "v1.0.0-0.20200116001909-b775-4299b42")) {
            assertThat(GoVersion.parse(tag).pseudo()).as(tag).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        ''
        v
        V1.2.3
        v01.2.3
        v1.2.3-01
        v1.2.3-
        v1.2.3+
        v1.2.3-a..b
        v1.2-pre
        v1.2.3.4
        1.2.3 X:
        go1.21.3-foo
        gox
        devel go1.22-abc
        """)
    void rejectsMalformedVersions(String raw) {
        assertThatThrownBy(() -> GoVersion.parse(raw)).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void boundsHostileInput() {
        assertThatThrownBy(() -> GoVersion.parse("v1.0.0-" + "a".repeat(GoVersion.MAX_LENGTH)))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("longer than");
    }

    @Test
    void constraintsUseTheComparatorForm() throws InvalidVersionException {
        GoConstraint range = GoScheme.INSTANCE.constraint(">=v1.2.0, <1.4.1 || =go1.21.3");
        assertThat(range.contains(GoVersion.parse("v1.3.0"))).isTrue();
        assertThat(range.contains(GoVersion.parse("1.4.1"))).isFalse();
        assertThat(range.contains(GoVersion.parse("v1.21.3"))).isTrue();
        assertThat(range.contains(GoVersion.parse("v1.2.0-rc.1"))).isFalse();
        assertThat(GoConstraint.parse("v1.2.3").contains(GoVersion.parse("1.2.3+incompatible"))).isTrue();
        assertThat(GoConstraint.parse("!=1.2.3").contains(GoVersion.parse("1.2.4"))).isTrue();
        assertThatThrownBy(() -> GoConstraint.parse(">=1.0,")).isInstanceOf(InvalidVersionException.class);
        assertThatThrownBy(() -> GoConstraint.parse("~1.0")).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void isRegisteredForGolang() {
        assertThat(Schemes.of(Ecosystem.GOLANG)).containsSame(GoScheme.INSTANCE);
        assertThat(GoScheme.INSTANCE.id()).isEqualTo("go");
    }
}
