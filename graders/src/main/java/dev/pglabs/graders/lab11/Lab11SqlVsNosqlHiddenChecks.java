package dev.pglabs.graders.lab11;

import dev.pglabs.worker.StudentJvm;

import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.DisplayName;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static dev.pglabs.graders.lab11.ForUserReview.assertForUser;
import static dev.pglabs.graders.lab11.Lab11SqlVsNosqlGrader.withDynamo;

/**
 * The hidden check of lab 11's DynamoDB part: other users on other keys, and one user whose preferences take more than
 * the 1 MB a single Query returns, so only code that follows every page passes. (The SQL exercises run hidden on the
 * "hidden" dataset through {@code hiddenOn} in {@link Lab11SqlVsNosqlGrader}.)
 *
 * <p>Hidden checks live in this file only (docs/instructors.md, "Hidden checks"): {@code ./pglabs release} leaves it
 * out of the students' copy. Registered in course.json as the lab's "hiddenGrader".
 */
@Grader(lab = "11-sql-vs-nosql", services = DynamoDbEmulatorService.class)
@DisplayName("Lab 11 · SQL vs NoSQL (hidden checks)")
class Lab11SqlVsNosqlHiddenChecks {

    @Check(id = "09-query-pages", points = 2, visibility = Visibility.HIDDEN,
            hint = "A Query returns at most 1 MB per call; LastEvaluatedKey says there is more. queryPaginator(…)"
                    + ".items() follows the pages for you.")
    @DisplayName("09 forUser reads every page of a user with a lot of data, and other users' data on new keys")
    void e09_queryPages(GradingSession session, CompiledSubmission code, StudentJvm jvm) {
        withDynamo(session, (calls, table) -> {
            calls.createTable(table);
            Random random = new Random(1101);
            Map<Long, Map<String, String>> data = new TreeMap<>();
            for (int i = 0; i < 12; i++) {
                Map<String, String> prefs = new TreeMap<>();
                int n = 1 + random.nextInt(5);
                for (int j = 0; j < n; j++) {
                    prefs.put("pref-" + random.nextInt(1000), Integer.toString(random.nextInt(100_000)));
                }
                data.put(1000L + random.nextInt(9000), prefs);
            }
            long big = 77L;
            Map<String, String> large = new TreeMap<>();
            for (int j = 0; j < 5; j++) {
                large.put("draft-" + j, Character.toString('a' + j).repeat(300_000));   // 1.5 MB: two pages
            }
            data.put(big, large);
            calls.seed(table, data);
            long other = data.keySet().stream().filter(k -> k != big).findFirst().orElseThrow();
            try (StudentStore store = new StudentStore(jvm, code, calls.endpoint(), table)) {
                assertForUser(store, Map.of(big, large, other, data.get(other)));
            }
        });
    }
}
