package dev.pglabs.graders.lab07;

import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.results.Visibility;
import dev.pglabs.submission.LabFiles;
import org.junit.jupiter.api.DisplayName;

/**
 * The hidden check of lab 07: upgrading production from V1 with other rows (datasets/blog-v1/data-hidden.sql,
 * listed in course.json as a "hiddenFiles" entry), so migrations that fix today's rows one by one fail.
 *
 * <p>Hidden checks live in this file only (docs/instructors.md, "Hidden checks"): {@code ./pglabs release} leaves it
 * out of the students' copy, and nothing else refers to it. Registered in course.json as the lab's "hiddenGrader".
 */
@Grader(lab = "07-migrations-flyway")
@DisplayName("Lab 07 · Migrations with Flyway (hidden checks)")
class Lab07MigrationsHiddenChecks {

    /** A production row file of datasets/blog-v1 that only this check reads. */
    static final String HIDDEN_DATA = "data-hidden.sql";

    /**
     * The visible check's upgrade on the hidden rows. Its failures carry a summary without rows (what stopped the
     * upgrade, which of the four changes went wrong), which is what the student reads.
     */
    @Check(id = "02-upgrade:hidden", points = 4, visibility = Visibility.HIDDEN,
            guards = "production's rows against being lost by the upgrade",
            hint = "Your migrations must follow the rules of the tasks for any rows, not fix today's rows one by "
                    + "one: trim and lower-case every email, split every name at its first space.")
    @DisplayName("02 upgrading production (at V1, with rows) carries every row to the new schema, nothing lost "
            + "(on other data)")
    void e02_upgradeOtherData(LabFiles files, CheckDatabase db, GradingSession session) {
        ProductionUpgrade.check(files, db, session, HIDDEN_DATA, "other users and posts, with more kinds of messy "
                + "values");
    }
}
