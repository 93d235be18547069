package dev.plimsoll.check.cis.input.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class InterpolatorProperties {
    private static final Interpolator STRICT = new Interpolator(name -> Optional.empty(), true);

    /** Any text written with every $ doubled, as Compose asks for literal dollars, comes back unchanged. */
    @Property
    void escapedDollarsAreLiteral(@ForAll String text) throws Exception {
        assertThat(STRICT.interpolate(text.replace("$", "$$"))).isEqualTo(text);
    }

    /** A default is used exactly when the variable is unset (or empty with the colon form). */
    @Property
    void defaultsApplyOnlyWhenUnset(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String name,
                                    @ForAll @AlphaChars String value, @ForAll @AlphaChars String fallback)
            throws Exception {
        Interpolator set = new Interpolator(n -> Optional.ofNullable(Map.of(name, value).get(n)), true);
        assertThat(set.interpolate("${" + name + "-" + fallback + "}")).isEqualTo(value);
        assertThat(set.interpolate("${" + name + ":-" + fallback + "}")).isEqualTo(value.isEmpty() ? fallback : value);
        assertThat(STRICT.interpolate("${" + name + ":-" + fallback + "}")).isEqualTo(fallback);
    }
}
