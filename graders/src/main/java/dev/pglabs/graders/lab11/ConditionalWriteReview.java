package dev.pglabs.graders.lab11;

import dev.pglabs.grading.Problems;

import java.util.Optional;

import static dev.pglabs.graders.lab11.PutGetReview.describe;

/**
 * Exercise 08: putIfAbsent writes only a free key, returns whether it wrote, and does it in one conditional write:
 * another request writes right after any read the student's code makes, so read-then-write loses that update.
 */
final class ConditionalWriteReview {

    private ConditionalWriteReview() {
    }

    static Problems of(DynamoCalls calls, String table, StudentStore store) {
        Problems problems = new Problems();
        StudentStore.Outcome first = store.putIfAbsent(7, "theme", "dark");
        problems.addIf(first.thrown() != null || !Boolean.TRUE.equals(first.wrote()), "putIfAbsent(7, \"theme\", "
                + "\"dark\") on an empty table " + outcome(first) + ", expected true.");
        StudentStore.Outcome second = store.putIfAbsent(7, "theme", "light");
        if (second.thrown() != null) {
            problems.add("putIfAbsent(7, \"theme\", \"light\") when the theme is set threw "
                    + second.thrown().simpleType() + ": catch ConditionalCheckFailedException and return false.");
        } else if (!Boolean.FALSE.equals(second.wrote())) {
            problems.add("putIfAbsent(7, \"theme\", \"light\") when the theme is set returned " + second.wrote()
                    + ", expected false.");
        }
        Optional<String> kept = calls.get(table, 7, "theme");
        problems.addIf(!kept.equals(Optional.of("dark")), "After the second putIfAbsent the theme is "
                + describe(kept) + ": the first value \"dark\" must stay.");
        // Another request sets the language between the student's read (if any) and write.
        StudentStore.Outcome raced = store.putIfAbsentRacing(8, "language", "pt", table, "de");
        Optional<String> after = calls.get(table, 8, "language");
        problems.addIf(store.concurrentWriteHappened() && after.equals(Optional.of("pt")), "putIfAbsent(8, "
                + "\"language\", \"pt\") read first, and another request set the language to \"de\" right after that "
                + "read; your write then overwrote \"de\" (a lost update). Make the write itself conditional.");
        problems.addIf(store.seen().stream().anyMatch(p -> p.operation().equals("PutItem") && !p.conditional()),
                "putIfAbsent sent a PutItem without a condition expression " + store.operations() + ": nothing stops "
                + "it from replacing a value set in the meantime.");
        problems.addIf(!store.concurrentWriteHappened() && raced.thrown() == null
                && !Boolean.TRUE.equals(raced.wrote()), "putIfAbsent(8, \"language\", \"pt\") returned "
                + raced.wrote() + " on a free key, expected true.");
        return problems;
    }

    private static String outcome(StudentStore.Outcome o) {
        return o.thrown() != null ? "threw " + o.thrown().simpleType() + ": " + o.thrown().message()
                : "returned " + o.wrote();
    }
}
