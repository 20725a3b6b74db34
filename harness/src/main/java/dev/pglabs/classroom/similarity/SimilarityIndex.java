package dev.pglabs.classroom.similarity;

import dev.pglabs.classroom.ClassRoster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores how surprising it is that two students wrote the same answers. Per exercise, the students who
 * answered it are grouped by normal form; a form shared by {@code k} of the {@code n} students who answered
 * weighs {@code ln(n / k)} (rare forms weigh much), or nothing when more than half of them wrote it (the class's
 * usual answer is no evidence, and many small coincidences on it must not add up to a pair), times
 * {@code min(1, tokens / }{@value #FULL_WEIGHT_TOKENS}{@code )} so that a very short query counts less. A pair's
 * score is the sum of the weights of the forms they share; pairs at or above {@link #THRESHOLD} are listed,
 * and students linked by listed pairs form clusters.
 */
public final class SimilarityIndex {

    /** A pair is listed at this score: about two shared answers that only a few students of a class wrote. */
    public static final double THRESHOLD = 2.0;
    /** Answers with fewer tokens than this count proportionally less (a bare SELECT of one table has about 5). */
    static final int FULL_WEIGHT_TOKENS = 12;

    /**
     * One normal form that a pair shares on one exercise.
     *
     * @param sharedBy how many students wrote this form
     * @param answered how many students answered the exercise
     */
    public record Shared(Exercise exercise, double weight, int sharedBy, int answered, Answer first, Answer second) {
    }

    /** Two students (in roster order) with their score and what they share, heaviest first. */
    public record Pair(String first, String second, double score, List<Shared> shared) {
    }

    private SimilarityIndex() {
    }

    /** The pairs scoring at least {@code threshold}, highest first. */
    public static List<Pair> pairs(List<Answer> answers, double threshold) {
        Map<String, Map<String, List<Answer>>> byExercise = new LinkedHashMap<>();
        for (Answer a : answers) {
            byExercise.computeIfAbsent(a.exercise().name(), k -> new TreeMap<>())
                    .computeIfAbsent(a.form(), k -> new ArrayList<>()).add(a);
        }
        Map<List<String>, List<Shared>> sharedByPair = new TreeMap<>(Comparator.comparing((List<String> p) -> p.get(0),
                ClassRoster.NAME_ORDER).thenComparing(p -> p.get(1), ClassRoster.NAME_ORDER));
        for (Map<String, List<Answer>> forms : byExercise.values()) {
            int answered = forms.values().stream().mapToInt(List::size).sum();
            for (List<Answer> same : forms.values()) {
                if (same.size() < 2 || same.size() * 2 > answered) {
                    continue;
                }
                double weight = Math.log((double) answered / same.size())
                        * Math.min(1.0, (double) same.get(0).tokens() / FULL_WEIGHT_TOKENS);
                if (weight <= 0) {
                    continue;
                }
                List<Answer> sorted = same.stream().sorted(Comparator.comparing(Answer::student, ClassRoster.NAME_ORDER)).toList();
                for (int i = 0; i < sorted.size(); i++) {
                    for (int j = i + 1; j < sorted.size(); j++) {
                        Answer a = sorted.get(i);
                        Answer b = sorted.get(j);
                        sharedByPair.computeIfAbsent(List.of(a.student(), b.student()), k -> new ArrayList<>())
                                .add(new Shared(a.exercise(), weight, same.size(), answered, a, b));
                    }
                }
            }
        }
        List<Pair> pairs = new ArrayList<>();
        sharedByPair.forEach((names, shared) -> {
            double score = shared.stream().mapToDouble(Shared::weight).sum();
            if (score >= threshold) {
                List<Shared> heaviest = shared.stream().sorted(Comparator.comparingDouble(Shared::weight).reversed()).toList();
                pairs.add(new Pair(names.get(0), names.get(1), score, heaviest));
            }
        });
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());  // stable: ties keep roster order
        return pairs;
    }

    /** Groups of students connected by the given pairs (each group in roster order, biggest group first). */
    public static List<List<String>> clusters(List<Pair> pairs) {
        Map<String, String> parent = new TreeMap<>(ClassRoster.NAME_ORDER);
        for (Pair p : pairs) {
            union(parent, p.first(), p.second());
        }
        Map<String, TreeSet<String>> groups = new TreeMap<>(ClassRoster.NAME_ORDER);
        for (String student : parent.keySet()) {
            groups.computeIfAbsent(root(parent, student), k -> new TreeSet<>(ClassRoster.NAME_ORDER)).add(student);
        }
        List<List<String>> clusters = new ArrayList<>(groups.values().stream().map(List::copyOf).toList());
        clusters.sort(Comparator.comparingInt((List<String> c) -> c.size()).reversed());
        return clusters;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }

    private static String root(Map<String, String> parent, String s) {
        while (!parent.get(s).equals(s)) {
            s = parent.get(s);
        }
        return s;
    }
}
