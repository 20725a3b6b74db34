package dev.pglabs.worker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Set;

/**
 * The worker protocol: length-prefixed frames of Java serialization over the worker's standard input (requests)
 * and standard output (replies). Requests come from the grader and are trusted. Replies come from a process that
 * runs student code and are not: they are read through a filter that admits only plain values (JDK value types,
 * collections, and records or enums of pglabs), with bounds on size and depth, so a reply can never make the
 * grader instantiate a class of the student's or a gadget of a library.
 */
public final class Wire {

    /** Starts every frame: a stray byte on the stream (student output, a JVM warning) is recognised as such. */
    private static final int MAGIC = 0x70676C62;
    /** Far above any honest reply (a table of rows, a statement log); a flood ends as a protocol error. */
    static final int MAX_FRAME = 32 << 20;

    private static final Set<String> VALUE_CLASSES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.lang.Number",
            "java.lang.Enum", "java.lang.Record", "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$MapN",
            "java.util.CollSer", "java.util.Arrays$ArrayList", "java.util.Collections$EmptyList",
            "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet", "java.util.Collections$SingletonList",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableSet", "java.util.Optional", "java.time.Ser", "java.time.Duration",
            "java.time.Instant", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.OffsetDateTime",
            "java.time.LocalTime", "java.time.ZoneOffset", "java.util.UUID");

    private Wire() {
    }

    static void writeFrame(DataOutputStream out, Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(value);
        }
        synchronized (out) {
            out.writeInt(MAGIC);
            out.writeInt(bytes.size());
            bytes.writeTo(out);
            out.flush();
        }
    }

    /** The next frame's bytes, or {@code null} at the end of the stream. */
    static byte[] readFrame(DataInputStream in) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        if (magic != MAGIC) {
            throw new IOException("the worker's output is not a protocol frame (something wrote to its standard "
                    + "output directly)");
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("a frame of " + length + " bytes is beyond the limit of " + MAX_FRAME);
        }
        return in.readNBytes(length);
    }

    /** A request, in the worker: from the grader, so any serializable class may come. */
    static Object readRequest(byte[] frame) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(frame))) {
            return in.readObject();
        }
    }

    /** A reply, in the grader: plain values only (see the class comment). */
    static Reply readReply(byte[] frame) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(frame))) {
            in.setObjectInputFilter(Wire::admit);
            return (Reply) in.readObject();
        } catch (ClassNotFoundException | ClassCastException | InvalidClassException e) {
            throw new IOException("the worker sent something that is not a plain value: " + e.getMessage(), e);
        }
    }

    static ObjectInputFilter.Status admit(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > 64 || info.references() > 2_000_000 || info.streamBytes() > MAX_FRAME
                || info.arrayLength() > 4_000_000) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || VALUE_CLASSES.contains(type.getName()) || type == Object.class) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        boolean ours = type.getName().startsWith("dev.pglabs.") && type.getClassLoader() != null;
        if (ours && (type.isRecord() || type.isEnum() || type.getSuperclass() != null && type.getSuperclass().isEnum())
                && Serializable.class.isAssignableFrom(type)) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        return ObjectInputFilter.Status.REJECTED;
    }

    /** Grader → worker: run this task, or (task {@code null}) forget the kept object {@code release}. */
    record Request(long id, StudentTask<?> task, Handle release) implements Serializable {
    }

    /** Worker → grader: the value a task returned, or what was thrown. */
    record Reply(long id, Serializable value, Thrown thrown) implements Serializable {
    }
}
