package dev.plimsoll.vulndb.build.alpine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every spelling below occurs in the 2020 alpine-secdb data (see ../shared/vulndata/alpine). */
class SecfixIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CVE-2019-14904                                        | CVE-2019-14904                          | ''",
        "CVE-2017-5753 CVE-2017-5715 CVE-2017-5754 XSA-254 XPTI | CVE-2017-5753 CVE-2017-5715 CVE-2017-5754 | XSA-254",
        "CVE-2018-3620 CVE-2018-3646 XSA-273                    | CVE-2018-3620 CVE-2018-3646             | XSA-273",
        "CVE-2018-14881 (BGP)                                   | CVE-2018-14881                          | ''",
        "CVE-2018-19519 (was fixed in libpcap)                  | CVE-2018-19519                          | ''",
        "CVE_2019-2426                                          | CVE-2019-2426                           | ''",
        "CVE-2017-8073.patch                                    | CVE-2017-8073                           | ''",
        "CVE-2017-17434-1                                       | CVE-2017-17434                          | ''",
        "CVE 2018-16859                                         | CVE-2018-16859                          | ''",
        "CVE-????-?????  XSA-295                                | ''                                      | XSA-295",
        "TALOS-2017-0488                                        | ''                                      | TALOS-2017-0488",
        "wnpa-sec-2017-18                                       | ''                                      | wnpa-sec-2017-18",
        "CVE-2016-9583 ZBX-11023                                | CVE-2016-9583                           | ZBX-11023",
    })
    void findsEveryIdInTheString(String text, String cves, String others) {
        SecfixIds ids = SecfixIds.of(text);

        assertThat(String.join(" ", ids.cves())).isEqualTo(cves);
        assertThat(String.join(" ", ids.others())).isEqualTo(others);
    }

    @ParameterizedTest
    @CsvSource({"XPTI", "CVE-????-?????", "'(SMB printing disabled)'", "-"})
    void findsNothingInTextWithoutAnId(String text) {
        assertThat(SecfixIds.of(text).isEmpty()).isTrue();
    }
}
