package dev.plimsoll.check.cis.input.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 128Mi}, {@code 1.5G}, {@code 500m}, {@code 1e3}, {@code 0.25}), parsed
 * exactly with decimal arithmetic: binary suffixes Ki…Ei are powers of 1024, decimal ones n, u, m, k, M, G, T, P, E
 * powers of 1000, and {@code e}/{@code E} a decimal exponent.
 */
public final class Quantity {
    private static final Pattern SYNTAX = Pattern.compile(
            "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
    /** Exponents beyond this are no real limit and would make BigDecimal arithmetic needlessly large. */
    private static final int MAX_EXPONENT = 64;
    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

    private Quantity() {
    }

    /** The quantity in base units (bytes, cores), or empty when {@code text} is not a quantity. */
    public static Optional<BigDecimal> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        BigDecimal value = switch (suffix) {
            case "" -> number;
            case "Ki" -> number.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi" -> number.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi" -> number.multiply(BigDecimal.valueOf(1L << 30));
            case "Ti" -> number.multiply(BigDecimal.valueOf(1L << 40));
            case "Pi" -> number.multiply(BigDecimal.valueOf(1L << 50));
            case "Ei" -> number.multiply(BigDecimal.valueOf(1L << 60));
            case "n" -> number.scaleByPowerOfTen(-9);
            case "u" -> number.scaleByPowerOfTen(-6);
            case "m" -> number.scaleByPowerOfTen(-3);
            case "k" -> number.scaleByPowerOfTen(3);
            case "M" -> number.scaleByPowerOfTen(6);
            case "G" -> number.scaleByPowerOfTen(9);
            case "T" -> number.scaleByPowerOfTen(12);
            case "P" -> number.scaleByPowerOfTen(15);
            case "E" -> number.scaleByPowerOfTen(18);
            default -> {
                int exponent = Integer.parseInt(suffix.substring(1).replace("+", ""));
                if (Math.abs(exponent) > MAX_EXPONENT) {
                    yield null;
                }
                yield number.scaleByPowerOfTen(exponent);
            }
        };
        return Optional.ofNullable(value);
    }

    /** A quantity field as written in YAML/JSON: a string ("512Mi") or a bare number (1, 0.5). */
    public static Optional<BigDecimal> of(JsonNode node) {
        if (node.isNumber()) {
            return node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())
                    ? Optional.empty() : Optional.of(node.decimalValue());
        }
        return node.isTextual() ? parse(node.textValue()) : Optional.empty();
    }

    /** Whole bytes, rounded up as Kubernetes does for memory; empty if negative or beyond a long. */
    public static Optional<Long> bytes(BigDecimal quantity) {
        return wholeUnits(quantity);
    }

    /** Nano-CPUs (Docker's {@code NanoCpus}), rounded up; empty if negative or beyond a long. */
    public static Optional<Long> nanoCpus(BigDecimal cores) {
        return wholeUnits(cores.multiply(NANOS));
    }

    private static Optional<Long> wholeUnits(BigDecimal value) {
        if (value.signum() < 0) {
            return Optional.empty();
        }
        BigDecimal whole = value.setScale(0, RoundingMode.CEILING);
        return whole.toBigInteger().bitLength() < 64 ? Optional.of(whole.longValueExact()) : Optional.empty();
    }
}
