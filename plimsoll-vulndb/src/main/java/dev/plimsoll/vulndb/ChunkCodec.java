package dev.plimsoll.vulndb;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Compression of one chunk (the records of a few consecutive keys, about {@value #TARGET_RAW} bytes): raw deflate
 * primed with the section's dictionary. Chunks keep lookups cheap (a lookup inflates one small chunk, and stops at
 * the end of its record), while the dictionary gives even a chunk of one small record the strings all advisories
 * share (URL prefixes, CVSS vectors, feed names). Priming costs time proportional to the dictionary for every
 * chunk, which is why records are grouped instead of compressed one by one.
 */
final class ChunkCodec {
    /**
     * Priming costs time in proportion to the dictionary for every chunk: measured on 300k synthetic advisories,
     * 16 KiB gave a file 3 % larger than 32 KiB (deflate's maximum) for a sixth less build time.
     */
    static final int MAX_DICTIONARY = 16 * 1024;
    static final int TARGET_RAW = 8 * 1024;

    private ChunkCodec() {
    }

    /** Encoding byte, raw length and payload; stored when deflate does not make it smaller. */
    static byte[] encode(byte[] raw, int rawLength, byte[] dictionary, Deflater deflater) {
        ByteSink out = new ByteSink(rawLength / 2 + 16);
        byte[] compressed = null;
        int compressedLength = 0;
        if (rawLength > 32) {
            deflater.reset();
            if (dictionary.length > 0) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(raw, 0, rawLength);
            deflater.finish();
            compressed = new byte[rawLength + 64];
            while (!deflater.finished()) {
                if (compressedLength == compressed.length) {
                    compressed = Arrays.copyOf(compressed, compressed.length * 2);
                }
                compressedLength += deflater.deflate(compressed, compressedLength,
                        compressed.length - compressedLength);
            }
        }
        if (compressed != null && compressedLength < rawLength) {
            out.u8(DbFormat.ENCODING_DEFLATE);
            out.varint(rawLength);
            out.bytes(compressed, 0, compressedLength);
        } else {
            out.u8(DbFormat.ENCODING_STORED);
            out.varint(rawLength);
            out.bytes(raw, 0, rawLength);
        }
        return out.toByteArray();
    }

    /**
     * The raw bytes of a chunk up to {@code upTo} (inflating no further than needed), or all of them, checked to be
     * exactly the length recorded, when {@code upTo} is negative.
     */
    static byte[] decode(byte[] chunk, byte[] dictionary, int upTo) {
        ByteSource in = new ByteSource(chunk);
        int encoding = in.u8();
        long rawLength = in.varint();
        if (rawLength > DbFormat.MAX_CHUNK_RAW) {
            throw new CorruptDataException("chunk claims " + rawLength + " bytes, more than the "
                    + DbFormat.MAX_CHUNK_RAW + " allowed");
        }
        if (upTo > rawLength) {
            throw new CorruptDataException("record ends at " + upTo + ", beyond its chunk's " + rawLength + " bytes");
        }
        boolean whole = upTo < 0;
        int wanted = whole ? (int) rawLength : upTo;
        int payload = in.position();
        byte[] raw = new byte[wanted];
        switch (encoding) {
            case DbFormat.ENCODING_STORED -> {
                if (in.remaining() != rawLength) {
                    throw new CorruptDataException("stored chunk length " + in.remaining() + " != " + rawLength);
                }
                System.arraycopy(chunk, payload, raw, 0, wanted);
            }
            case DbFormat.ENCODING_DEFLATE -> inflate(chunk, payload, dictionary, raw, whole);
            default -> throw new CorruptDataException("unknown chunk encoding " + encoding);
        }
        return raw;
    }

    private static void inflate(byte[] chunk, int payload, byte[] dictionary, byte[] raw, boolean whole) {
        Inflater inflater = new Inflater(true);
        try {
            if (dictionary.length > 0) {
                inflater.setDictionary(dictionary);
            }
            inflater.setInput(chunk, payload, chunk.length - payload);
            int n = 0;
            while (n < raw.length) {
                int got = inflater.inflate(raw, n, raw.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != raw.length) {
                throw new CorruptDataException("chunk inflates to " + n + " bytes, expected at least " + raw.length);
            }
            if (whole && !inflater.finished()) {
                // A raw deflate stream may need one more call to reach its end marker; any byte more is damage.
                if (inflater.inflate(new byte[1]) != 0 || !inflater.finished()) {
                    throw new CorruptDataException("chunk inflates beyond its " + raw.length + " bytes");
                }
            }
        } catch (DataFormatException e) {
            throw new CorruptDataException("chunk does not inflate: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
