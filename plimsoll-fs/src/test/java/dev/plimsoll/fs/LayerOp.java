package dev.plimsoll.fs;

import dev.plimsoll.testkit.TarBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One entry of a generated layer, as written (names unnormalised, possibly hostile). */
record LayerOp(Kind kind, String name, String target, int mode) {
    enum Kind { FILE, DIR, SYMLINK, HARDLINK, WHITEOUT, OPAQUE, DEVICE }

    /** The content a regular file of layer k at position seq carries: unique, so deliveries can be traced. */
    static String content(int layer, int seq) {
        return "L" + layer + "#" + seq;
    }

    static byte[] tar(int layer, List<LayerOp> ops) {
        TarBuilder t = TarBuilder.tar();
        for (int seq = 0; seq < ops.size(); seq++) {
            LayerOp op = ops.get(seq);
            switch (op.kind) {
                case FILE -> t.file(op.name, content(layer, seq).getBytes(StandardCharsets.UTF_8), op.mode);
                case DIR -> t.dir(op.name, op.mode);
                case SYMLINK -> t.symlink(op.name, op.target);
                case HARDLINK -> t.hardlink(op.name, op.target);
                case WHITEOUT -> t.whiteout(op.name);
                case OPAQUE -> t.opaque(op.name);
                case DEVICE -> t.charDevice(op.name);
            }
        }
        return t.build();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SYMLINK, HARDLINK -> kind + " " + name + " -> " + target;
            case FILE, DIR -> kind + " " + name + " " + Integer.toOctalString(mode);
            default -> kind + " " + name;
        };
    }
}
