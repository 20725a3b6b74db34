package dev.pglabs.classroom;

import dev.pglabs.course.Lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The K-th of N parts of a class ({@code grade-class --shard K/N}), for grading one class in parallel CI jobs.
 *
 * <p>Every job scans the same class folder and computes the same assignment, so the shards never overlap and
 * together hold every student. A student goes to the shard that ranks highest for their name (rendezvous hashing:
 * a student's shard does not depend on who else is in the class) unless that shard already holds more than its
 * share of the expected work; then to their next-ranked one (bounded loads). So shards stay balanced, and a class
 * that gains or loses a few students keeps almost everyone in the same shard.
 *
 * @param index 1-based
 */
public record Shard(int index, int count) {

    /** How far above the average a shard's work may grow before a student moves on to their next shard. */
    private static final double SLACK = 1.25;
    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,4})\\s*/\\s*(\\d{1,4})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("A shard is K/N with 1 ≤ K ≤ N (e.g. 2/4), not " + index + "/" + count);
        }
    }

    /** Parses {@code K/N}, e.g. {@code 2/4}. */
    public static Shard parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("A shard is K/N with 1 ≤ K ≤ N (e.g. 2/4), not '" + text + "'");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** This shard's students, in the class's order. */
    public List<Student> select(List<Student> students, List<Lab> labs) {
        List<Integer> shardOf = assign(students, labs, count);
        List<Student> mine = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            if (shardOf.get(i) == index) {
                mine.add(students.get(i));
            }
        }
        return mine;
    }

    /** The shard (1-based) of each student. */
    static List<Integer> assign(List<Student> students, List<Lab> labs, int count) {
        double[] work = students.stream().mapToDouble(s -> expectedWork(s, labs)).toArray();
        double capacity = SLACK * Arrays.stream(work).sum() / count;
        double[] load = new double[count + 1];
        List<Integer> shardOf = new ArrayList<>(Collections.nCopies(students.size(), 0));
        // A fixed order that depends on each name alone, so that one more student does not reshuffle the rest.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> hash(students.get(i).name(), 0))
                .thenComparing(i -> students.get(i).name()));
        for (int i : order) {
            String name = students.get(i).name();
            List<Integer> ranked = new ArrayList<>();
            for (int k = 1; k <= count; k++) {
                ranked.add(k);
            }
            ranked.sort(Comparator.comparingLong((Integer k) -> hash(name, k)).reversed().thenComparing(k -> k));
            int chosen = ranked.stream().filter(k -> load[k] + work[i] <= capacity).findFirst()
                    .orElseGet(() -> ranked.stream().min(Comparator.comparingDouble(k -> load[k])).orElseThrow());
            load[chosen] += work[i];
            shardOf.set(i, chosen);
        }
        return shardOf;
    }

    /** One unit for the student, one per lab handed in: a lab not handed in fails fast. */
    static double expectedWork(Student student, List<Lab> labs) {
        return 1 + labs.stream().filter(l -> Files.isDirectory(student.labs().resolve(l.folder()))).count();
    }

    private static long hash(String name, int shard) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((shard + "/" + name).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int b = 0; b < 8; b++) {
                value = (value << 8) | (digest[b] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
