package dev.plimsoll.check.cis.input.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {
    @ParameterizedTest
    @CsvSource({"128Mi,134217728", "1Gi,1073741824", "1.5Gi,1610612736", "1k,1000", "1M,1000000", "1G,1000000000",
            "1e3,1000", "1E+3,1000", "2.5e-1,0.25", "500m,0.5", "0.1,0.1", ".5,0.5", "100n,0.0000001", "1Ki,1024",
            "3Ei,3458764513820540928", "+2,2"})
    void parsesExactly(String text, String expected) {
        assertThat(Quantity.parse(text)).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo(new BigDecimal(expected)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lots", "1 Gi", "1gi", "1KiB", "Mi", "1e999", "1.2.3", "0x10"})
    void rejectsWhatKubernetesRejects(String text) {
        assertThat(Quantity.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"100m,100000000", "1,1000000000", "0.5,500000000", "1n,1", "0.1n,1"})
    void cpuToNanoCpusRoundsUp(String text, long nanos) {
        assertThat(Quantity.parse(text).flatMap(Quantity::nanoCpus)).contains(nanos);
    }

    @ParameterizedTest
    @CsvSource({"1.5,2", "1Mi,1048576", "0.5k,500"})
    void memoryToBytesRoundsUp(String text, long bytes) {
        assertThat(Quantity.parse(text).flatMap(Quantity::bytes)).contains(bytes);
    }
}
