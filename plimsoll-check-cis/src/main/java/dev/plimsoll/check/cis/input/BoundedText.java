package dev.plimsoll.check.cis.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a configuration file as UTF-8 text, at most a given number of bytes whatever the file is (a pipe from
 * process substitution, a device such as /dev/zero, a huge file), so a hostile path cannot exhaust memory.
 */
public final class BoundedText {
    private BoundedText() {
    }

    /** @throws InvalidValueException when the file is larger than {@code maxBytes} or not UTF-8 */
    public static String read(Path file, int maxBytes) throws IOException, InvalidValueException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            throw new InvalidValueException("larger than " + maxBytes + " bytes, not a configuration file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidValueException("not UTF-8 text");
        }
    }
}
