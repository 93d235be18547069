package dev.plimsoll.version.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        [1.0,2.0)              ; 1.0          ; true
        [1.0,2.0)              ; 1.5-SNAPSHOT ; true
        [1.0,2.0)              ; 2.0-rc1      ; true
        [1.0,2.0)              ; 2.0          ; false
        [1.0,2.0)              ; 0.9          ; false
        [1.0,2.0]              ; 2.0.0        ; true
        (1.0,2.0)              ; 1.0          ; false
        (,1.0]                 ; 0.1          ; true
        (,1.0]                 ; 1.0.0.0      ; true
        (,1.0]                 ; 1.0.1        ; false
        [1.5,)                 ; 99           ; true
        [1.5,)                 ; 1.5-beta     ; false
        [1.2]                  ; 1.2.0        ; true
        [1.2]                  ; 1.2.1        ; false
        [1.0,1.0]              ; 1            ; true
        '[1.0,1.2),[1.5,)'     ; 1.1          ; true
        '[1.0,1.2),[1.5,)'     ; 1.3          ; false
        '[1.0,1.2),[1.5,)'     ; 1.6          ; true
        '(,1.0],[1.2,)'        ; 1.1          ; false
        '(,1.1),(1.1,)'        ; 1.1          ; false
        '(,1.1),(1.1,)'        ; 1.1.1        ; true
        '[1.5,), [1.0,1.2)'    ; 1.1          ; true
        '[1.0,2.0),[1.5,3.0)'  ; 2.5          ; true
        ' [ 1.0 , 2.0 ) '      ; 1.5          ; true
        1.0                    ; 1.0.0        ; true
        1.0                    ; 1.1          ; false
        <= 4.1.70.Final        ; 4.1.70       ; true
        <= 4.1.70.Final        ; 4.1.71.Final ; false
        < 2.9.10.7             ; 2.9.10.6     ; true
        '>= 1.0, < 2.0'        ; 1.9          ; true
        '>= 1.0, < 2.0'        ; 2.0          ; false
        '< 1.0 || >= 2.0'      ; 2.1          ; true
        '< 1.0 || >= 2.0'      ; 1.5          ; false
        != 1.5                 ; 1.5.0        ; false
        = 1.5                  ; 1.5.0        ; true
        > 1.5                  ; 1.5-sp       ; true
        """)
    void containsLikeMaven(String expression, String version, boolean expected) throws InvalidVersionException {
        MavenRange range = MavenScheme.INSTANCE.constraint(expression);
        assertThat(range.contains(MavenVersion.parse(version))).as(expression + " ∋ " + version).isEqualTo(expected);
        assertThat(range.raw()).isEqualTo(expression);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        ''
        [1.0,2.0
        [1.0,2.0),
        [2.0,1.0]
        (1.0)
        [1.0,1.0)
        [1,2,3]
        '[1.0,2.0) x'
        '[1.0,2.0) [3.0,4.0)'
        ~> 1.0
        >= 1.0 beta
        '>= 1.0,'
        1.0 2.0
        """)
    void rejectsMalformedRanges(String expression) {
        assertThatThrownBy(() -> MavenRange.parse(expression)).isInstanceOf(InvalidVersionException.class);
    }
}
