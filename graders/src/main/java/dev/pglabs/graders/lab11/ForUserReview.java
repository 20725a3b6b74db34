package dev.pglabs.graders.lab11;

import dev.pglabs.grading.Problems;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Exercise 09: forUser returns every preference of a user, read with a Query on the partition key, never a Scan. */
final class ForUserReview {

    private ForUserReview() {
    }

    /** Calls forUser for each user of {@code cases} and fails the check with every difference. */
    static void assertForUser(StudentStore store, Map<Long, Map<String, String>> cases) {
        Problems problems = new Problems();
        for (Map.Entry<Long, Map<String, String>> c : new TreeMap<>(cases).entrySet()) {
            Map<String, String> actual = store.forUser(c.getKey());
            Map<String, String> expected = new TreeMap<>(c.getValue());
            List<String> ops = store.operations();
            if (ops.contains("Scan")) {
                problems.add("forUser(" + c.getKey() + ") sent " + ops + ". A Scan reads every item of the table, all "
                        + "users, and filters afterwards: its cost grows with the whole table. Query on the partition "
                        + "key userId.");
            } else if (!ops.contains("Query")) {
                problems.add("forUser(" + c.getKey() + ") sent " + ops + " and no Query. All items of one partition "
                        + "come back from one Query on userId (the names are not known in advance).");
            } else if (store.seen().stream().anyMatch(q -> q.operation().equals("Query") && !q.keyCondition())) {
                problems.add("forUser(" + c.getKey() + ") sent a Query without a key condition on userId.");
            }
            problems.addIf(!actual.equals(expected), "forUser(" + c.getKey() + ") returned " + abbreviate(actual)
                    + ", expected " + abbreviate(expected) + (actual.size() < expected.size() && expected.size() > 3
                    ? " (only the first page? a Query returns at most 1 MB per call)" : "") + ".");
        }
        problems.failIfAny("forUser did not do what the lab asks:");
    }

    /** A map for feedback, with long values cut short. */
    private static String abbreviate(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + (e.getValue().length() > 20
                        ? e.getValue().substring(0, 8) + "…(" + e.getValue().length() + " chars)" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
