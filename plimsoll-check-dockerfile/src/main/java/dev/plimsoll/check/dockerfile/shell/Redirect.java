package dev.plimsoll.check.dockerfile.shell;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A redirection: {@code >}, {@code >>}, {@code <}, {@code <>}, {@code >|}, {@code <&}, {@code >&}, {@code <<},
 * {@code <<-}, {@code <<<} and bash's {@code &>}, {@code &>>}.
 *
 * @param fd the explicit file descriptor ({@code 2} in {@code 2>&1})
 * @param operator the operator as written
 * @param target the file, descriptor or here-doc delimiter word
 * @param hereDoc the body for {@code <<} and {@code <<-}
 */
public record Redirect(OptionalInt fd, String operator, Word target, Optional<HereDoc> hereDoc, Position position) {
    public Redirect {
        Objects.requireNonNull(fd);
        Objects.requireNonNull(operator);
        Objects.requireNonNull(target);
        Objects.requireNonNull(hereDoc);
        Objects.requireNonNull(position);
    }

    @Override
    public String toString() {
        return (fd.isPresent() ? String.valueOf(fd.getAsInt()) : "") + operator + target.raw();
    }
}
