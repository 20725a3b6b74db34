package dev.pglabs.graders.lab11;

import dev.pglabs.grading.Problems;

import java.util.List;
import java.util.Optional;

/** Exercise 07: put writes the item (and replaces it), get reads it back with one consistent GetItem. */
final class PutGetReview {

    private PutGetReview() {
    }

    static Problems of(DynamoCalls calls, String table, StudentStore store) {
        Problems problems = new Problems();
        store.put(7, "theme", "dark");
        Optional<String> stored = calls.get(table, 7, "theme");
        problems.addIf(!stored.equals(Optional.of("dark")), "After put(7, \"theme\", \"dark\") the item with key "
                + "(userId 7, name \"theme\") holds " + describe(stored) + ", expected value \"dark\" (attribute names "
                + "userId, name, value).");
        store.put(7, "theme", "light");
        Optional<String> replaced = calls.get(table, 7, "theme");
        problems.addIf(!replaced.equals(Optional.of("light")), "After a second put(7, \"theme\", \"light\") the item "
                + "holds " + describe(replaced) + ", expected \"light\": a put replaces the item with the same key.");
        calls.put(table, 8, "language", "pt");
        Optional<String> got = store.get(8, "language");
        problems.addIf(!got.equals(Optional.of("pt")),
                "get(8, \"language\") returned " + describe(got) + ", expected Optional[pt].");
        List<String> reads = store.operations();
        problems.addIf(!reads.isEmpty() && !reads.equals(List.of("GetItem")), "get sent " + reads + ". With the "
                + "whole key known, one GetItem reads exactly one item; a Query or Scan reads more and costs more.");
        problems.addIf(reads.equals(List.of("GetItem")) && !store.seen().get(0).consistentRead(), "get sent a GetItem "
                + "without consistentRead(true). DynamoDB's default read may miss a write made a moment ago: a user who "
                + "just changed a setting would see the old one.");
        for (Object[] missing : new Object[][] {{8L, "theme"}, {9L, "language"}}) {
            Optional<String> none = store.get((Long) missing[0], (String) missing[1]);
            problems.addIf(none.isPresent(), "get(" + missing[0] + ", \"" + missing[1] + "\") returned " + none
                    + " for a preference nobody set: expected Optional.empty().");
        }
        return problems;
    }

    static String describe(Optional<String> value) {
        return value.map(v -> "\"" + v + "\"").orElse("nothing (no such item)");
    }
}
