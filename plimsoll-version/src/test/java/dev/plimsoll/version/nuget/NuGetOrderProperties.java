package dev.plimsoll.version.nuget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.OrderLaws;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Total-order laws of NuGet versions and the documented equivalences: padding with zero parts, label case, leading
 * zeros and metadata never change a version's place; intervals agree with the order.
 */
class NuGetOrderProperties {
    private static final List<String> NUMBERS = List.of("0", "0", "1", "2", "9", "10", "00", "01", "2147483647");
    private static final List<String> LABELS = List.of("alpha", "Alpha", "ALPHA", "beta", "rc", "RC", "a", "b", "z",
        "Z", "0", "1", "2", "10", "2147483648", "-", "a-b", "alpha2", "alpha10", "0a");

    @Provide
    Arbitrary<List<String>> chains() {
        return Arbitraries.randomValue(NuGetOrderProperties::chain);
    }

    private static List<String> chain(Random random) {
        List<String> chain = new ArrayList<>();
        chain.add(version(random));
        while (chain.size() < 10) {
            chain.add(random.nextInt(4) == 0 ? version(random) : near(chain.get(random.nextInt(chain.size())), random));
        }
        return chain;
    }

    private static String version(Random random) {
        int parts = 1 + random.nextInt(4);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            out.append(i == 0 ? "" : ".").append(pick(NUMBERS, random));
        }
        if (random.nextBoolean()) {
            int labels = 1 + random.nextInt(3);
            for (int i = 0; i < labels; i++) {
                out.append(i == 0 ? "-" : ".").append(pick(LABELS, random));
            }
        }
        if (random.nextInt(5) == 0) {
            out.append("+meta.").append(pick(NUMBERS, random));
        }
        return out.toString();
    }

    private static String near(String base, Random random) {
        int split = base.indexOf('-') >= 0 ? base.indexOf('-') : base.indexOf('+') >= 0 ? base.indexOf('+')
            : base.length();
        String numbers = base.substring(0, split);
        String rest = base.substring(split);
        return switch (random.nextInt(6)) {
            case 0 -> numbers.chars().filter(c -> c == '.').count() < 3 ? numbers + ".0" + rest : numbers + rest;
            case 1 -> numbers + rest.toUpperCase(Locale.ROOT);
            case 2 -> numbers + (rest.startsWith("-") ? rest + ".1" : "-" + pick(LABELS, random) + rest);
            case 3 -> numbers;
            case 4 -> numbers.replaceFirst("\\d+$", pick(NUMBERS, random)) + rest;
            default -> version(random);
        };
    }

    private static List<NuGetVersion> parse(List<String> texts) throws InvalidVersionException {
        List<NuGetVersion> versions = new ArrayList<>();
        for (String text : texts) {
            versions.add(NuGetVersion.parse(text));
        }
        return versions;
    }

    @Property(tries = 300)
    void totalOrder(@ForAll("chains") List<String> chain) throws InvalidVersionException {
        OrderLaws.check(NuGetScheme.INSTANCE, parse(chain));
    }

    @Property(tries = 300)
    void spellingNeverMatters(@ForAll("chains") List<String> chain) throws InvalidVersionException {
        for (NuGetVersion v : parse(chain)) {
            assertThat(NuGetVersion.parse(v.normalized())).isEqualTo(v);
            assertThat(NuGetVersion.parse(v.raw().toLowerCase(Locale.ROOT))).isEqualTo(v);
            assertThat(NuGetVersion.parse(v.normalized() + "+other")).isEqualTo(v);
            if (v.partCount() < 4) {
                String numbers = v.major() + "." + v.minor() + "." + v.patch() + ".0";
                String labels = v.isPrerelease() ? "-" + String.join(".", v.releaseLabels()) : "";
                assertThat(NuGetVersion.parse(numbers + labels)).isEqualTo(v);
            }
        }
    }

    @Property(tries = 200)
    void intervalsFollowTheOrder(@ForAll("chains") List<String> chain) throws InvalidVersionException {
        List<NuGetVersion> versions = parse(chain);
        for (NuGetVersion low : versions) {
            for (NuGetVersion high : versions) {
                if (low.compareTo(high) > 0) {
                    continue;
                }
                NuGetVersionRange closedOpen = NuGetVersionRange.parse("[" + low.normalized() + ","
                    + high.normalized() + (low.equals(high) ? "]" : ")"));
                for (NuGetVersion v : versions) {
                    boolean expected = v.compareTo(low) >= 0
                        && (low.equals(high) ? v.compareTo(high) <= 0 : v.compareTo(high) < 0);
                    assertThat(closedOpen.satisfies(v)).as(closedOpen.raw() + " " + v).isEqualTo(expected);
                    assertThat(NuGetVersionRange.parse("(," + high.normalized() + "]").satisfies(v))
                        .isEqualTo(v.compareTo(high) <= 0);
                    assertThat(NuGetVersionRange.parse(low.raw()).satisfies(v)).isEqualTo(v.compareTo(low) >= 0);
                }
            }
        }
    }

    private static String pick(List<String> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }
}
