package dev.plimsoll.engine.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A binary form of Plimsoll's immutable data (records of strings, numbers, enums, optionals, lists, sets, maps,
 * URIs, purls and other such records, sealed interfaces of records), driven by the records' declared component
 * types, so that analysis results can be kept in the cache without a hand-written format per type. Reading goes
 * through each record's canonical constructor, so its invariants hold; a record named in the data must be a
 * Plimsoll record assignable to the declared type. A type it does not know is an {@link UnsupportedTypeException}
 * when writing (the result is then not cached), anything malformed an IOException when reading.
 */
final class RecordCodec {
    private static final int MAX_STRING_BYTES = 16 << 20;
    private static final int MAX_ELEMENTS = 10_000_000;
    private static final int MAX_DEPTH = 64;
    private static final String OWN_PACKAGES = "dev.plimsoll.";

    /** Data of a type the codec does not handle. */
    static final class UnsupportedTypeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedTypeException(Type type) {
            super("cannot store a " + type.getTypeName());
        }
    }

    private RecordCodec() {
    }

    /**
     * A record class's components (declared types, accessors) and canonical constructor, looked up once per class:
     * reflecting them anew for every record read made a cached scan's reading of its stored analysis slow. A
     * ClassValue is the JDK's memo of facts derived from a class; it holds nothing a scan changes.
     */
    private record Shape(Type[] types, Method[] accessors, Optional<Constructor<?>> canonical) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Type[] types = new Type[components.length];
            Method[] accessors = new Method[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getGenericType();
                accessors[i] = components[i].getAccessor();
                raw[i] = components[i].getType();
            }
            Optional<Constructor<?>> canonical;
            try {
                Constructor<?> c = type.getDeclaredConstructor(raw);
                c.setAccessible(true);
                canonical = Optional.of(c);
            } catch (ReflectiveOperationException | RuntimeException e) {
                canonical = Optional.empty();
            }
            return new Shape(types, accessors, canonical);
        }
    };

    static void write(DataOutputStream out, Type type, Object value) throws IOException {
        write(out, type, value, 0);
    }

    static Object read(DataInputStream in, Type type) throws IOException {
        return read(in, type, 0);
    }

    private static void write(DataOutputStream out, Type type, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new UnsupportedTypeException(type);
        }
        if (value == null) {
            out.writeBoolean(false);
            return;
        }
        out.writeBoolean(true);
        Class<?> raw = raw(type);
        if (raw == String.class) {
            writeString(out, (String) value);
        } else if (raw == int.class || raw == Integer.class) {
            out.writeInt((Integer) value);
        } else if (raw == long.class || raw == Long.class) {
            out.writeLong((Long) value);
        } else if (raw == boolean.class || raw == Boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (raw == double.class || raw == Double.class) {
            out.writeDouble((Double) value);
        } else if (raw.isEnum()) {
            writeString(out, ((Enum<?>) value).name());
        } else if (raw == Optional.class) {
            Optional<?> o = (Optional<?>) value;
            out.writeBoolean(o.isPresent());
            if (o.isPresent()) {
                write(out, argument(type, 0), o.get(), depth + 1);
            }
        } else if (raw == OptionalInt.class) {
            OptionalInt o = (OptionalInt) value;
            out.writeBoolean(o.isPresent());
            if (o.isPresent()) {
                out.writeInt(o.getAsInt());
            }
        } else if (raw == OptionalLong.class) {
            OptionalLong o = (OptionalLong) value;
            out.writeBoolean(o.isPresent());
            if (o.isPresent()) {
                out.writeLong(o.getAsLong());
            }
        } else if (raw == OptionalDouble.class) {
            OptionalDouble o = (OptionalDouble) value;
            out.writeBoolean(o.isPresent());
            if (o.isPresent()) {
                out.writeDouble(o.getAsDouble());
            }
        } else if (raw == List.class || raw == Set.class) {
            java.util.Collection<?> c = (java.util.Collection<?>) value;
            out.writeInt(c.size());
            for (Object e : c) {
                write(out, argument(type, 0), e, depth + 1);
            }
        } else if (raw == Map.class) {
            Map<?, ?> m = (Map<?, ?>) value;
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                write(out, argument(type, 0), e.getKey(), depth + 1);
                write(out, argument(type, 1), e.getValue(), depth + 1);
            }
        } else if (raw == URI.class || raw == Instant.class || raw == LocalDate.class
                || raw == com.github.packageurl.PackageURL.class) {
            writeString(out, value.toString());
        } else if (raw.isRecord() || raw.isInterface()) {
            Class<?> actual = value.getClass();
            if (!actual.isRecord() || !actual.getName().startsWith(OWN_PACKAGES)) {
                throw new UnsupportedTypeException(actual);
            }
            if (raw.isInterface()) {
                writeString(out, actual.getName());
            }
            Shape shape = SHAPES.get(actual);
            for (int i = 0; i < shape.types().length; i++) {
                Object v;
                try {
                    v = shape.accessors()[i].invoke(value);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new UnsupportedTypeException(actual);
                }
                write(out, shape.types()[i], v, depth + 1);
            }
        } else {
            throw new UnsupportedTypeException(type);
        }
    }

    private static Object read(DataInputStream in, Type type, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("nested too deep");
        }
        if (!in.readBoolean()) {
            return null;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return readString(in);
        } else if (raw == int.class || raw == Integer.class) {
            return in.readInt();
        } else if (raw == long.class || raw == Long.class) {
            return in.readLong();
        } else if (raw == boolean.class || raw == Boolean.class) {
            return in.readBoolean();
        } else if (raw == double.class || raw == Double.class) {
            return in.readDouble();
        } else if (raw.isEnum()) {
            String name = readString(in);
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new IOException("no constant " + name + " in " + raw.getSimpleName());
        } else if (raw == Optional.class) {
            return in.readBoolean() ? Optional.ofNullable(read(in, argument(type, 0), depth + 1)) : Optional.empty();
        } else if (raw == OptionalInt.class) {
            return in.readBoolean() ? OptionalInt.of(in.readInt()) : OptionalInt.empty();
        } else if (raw == OptionalLong.class) {
            return in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty();
        } else if (raw == OptionalDouble.class) {
            return in.readBoolean() ? OptionalDouble.of(in.readDouble()) : OptionalDouble.empty();
        } else if (raw == List.class || raw == Set.class) {
            int n = count(in);
            java.util.Collection<Object> c = raw == List.class ? new ArrayList<>(Math.min(n, 1024))
                    : new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                c.add(read(in, argument(type, 0), depth + 1));
            }
            return raw == List.class ? java.util.Collections.unmodifiableList((List<Object>) c)
                    : java.util.Collections.unmodifiableSet((Set<Object>) c);
        } else if (raw == Map.class) {
            int n = count(in);
            Map<Object, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Object k = read(in, argument(type, 0), depth + 1);
                m.put(k, read(in, argument(type, 1), depth + 1));
            }
            return java.util.Collections.unmodifiableMap(m);
        } else if (raw == URI.class) {
            try {
                return new URI(readString(in));
            } catch (java.net.URISyntaxException e) {
                throw new IOException("bad URI", e);
            }
        } else if (raw == Instant.class) {
            return parse(() -> Instant.parse(readString(in)));
        } else if (raw == LocalDate.class) {
            return parse(() -> LocalDate.parse(readString(in)));
        } else if (raw == com.github.packageurl.PackageURL.class) {
            String purl = readString(in);
            try {
                return new com.github.packageurl.PackageURL(purl);
            } catch (com.github.packageurl.MalformedPackageURLException e) {
                throw new IOException("bad purl", e);
            }
        } else if (raw.isRecord() || raw.isInterface()) {
            Class<?> actual = raw;
            if (raw.isInterface()) {
                String name = readString(in);
                try {
                    actual = Class.forName(name, false, RecordCodec.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IOException("unknown type " + name);
                }
                if (!actual.isRecord() || !raw.isAssignableFrom(actual) || !name.startsWith(OWN_PACKAGES)) {
                    throw new IOException(name + " is not a " + raw.getSimpleName());
                }
            }
            Shape shape = SHAPES.get(actual);
            Object[] values = new Object[shape.types().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = read(in, shape.types()[i], depth + 1);
            }
            try {
                return shape.canonical().orElseThrow(() -> new NoSuchMethodException("canonical constructor"))
                        .newInstance(values);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IOException("cannot rebuild a " + actual.getSimpleName(), e);
            }
        }
        throw new IOException("cannot read a " + type.getTypeName());
    }

    private interface Parse {
        Object get() throws IOException;
    }

    private static Object parse(Parse p) throws IOException {
        try {
            return p.get();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException("bad date", e);
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_ELEMENTS) {
            throw new IOException("collection of " + n + " elements");
        }
        return n;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        throw new UnsupportedTypeException(type);
    }

    private static Type argument(Type type, int i) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
            Type a = p.getActualTypeArguments()[i];
            if (a instanceof java.lang.reflect.WildcardType w && w.getUpperBounds().length == 1) {
                return w.getUpperBounds()[0];
            }
            return a;
        }
        throw new UnsupportedTypeException(type);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING_BYTES) {
            throw new IOException("string of " + n + " bytes");
        }
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new java.io.EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
