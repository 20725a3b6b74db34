package dev.pglabs.graders.lab01;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.ResultTable;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.ReferenceAnswer;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.grading.WrongResult;
import org.junit.jupiter.api.DisplayName;

/**
 * Grades lab 01 (SQL basics). Each check runs visibly on the blog data and, hidden, on a variant of it
 * ({@code hiddenOn}), so an answer that hard-codes today's rows fails.
 * Each check names its reference answer, {@code references/<check>.sql} beside this class; the student release
 * holds their results on the visible data instead (see {@code ExpectedResults}).
 */
@Grader(lab = "01-sql-basics")
@DisplayName("Lab 01 · SQL basics")
class Lab01SqlBasicsGrader {

    private static final String HIDDEN_DATA = "hidden";

    @Check(id = "01-all-tags", hiddenOn = HIDDEN_DATA,
            hint = "Which table holds the tags? You want every row and every column, in the table's order.")
    @DisplayName("01 returns every column of every tag")
    void e01_allTags(SqlCheck sql) {
        sql.assertQuery("01-all-tags.sql", reference("01-all-tags"), CompareOptions.unordered().withColumnNames());
    }

    @Check(id = "02-users-in-lisbon", hiddenOn = HIDDEN_DATA,
            hint = "Two columns from users, and one condition on the city. Text is compared letter for letter, in "
                    + "single quotes.")
    @DisplayName("02 lists username and email of the users in Lisbon")
    void e02_usersInLisbon(SqlCheck sql) {
        sql.assertQuery("02-users-in-lisbon.sql", reference("02-users-in-lisbon"),
                CompareOptions.unordered().withColumnNames());
    }

    @Check(id = "03-latest-published", hiddenOn = HIDDEN_DATA,
            hint = "Three steps: keep only the published posts, sort so that the newest comes first, keep five. "
                    + "Archived posts have a publication time too.")
    @DisplayName("03 shows the 5 newest published posts, newest first")
    void e03_latestPublished(SqlCheck sql) {
        sql.assertQuery("03-latest-published.sql", reference("03-latest-published"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "04-postgres-posts", hiddenOn = HIDDEN_DATA,
            hint = "The title may spell PostgreSQL in any letter case, anywhere in the text: which kind of pattern "
                    + "match ignores case? Mind the order the task asks for.")
    @DisplayName("04 finds the posts whose title mentions PostgreSQL in any letter case, by id")
    void e04_postgresPosts(SqlCheck sql) {
        sql.assertQuery("04-postgres-posts.sql", reference("04-postgres-posts"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "05-users-without-city", hiddenOn = HIDDEN_DATA,
            hint = "NULL is not equal to anything, not even to NULL: a comparison with = is never true for it. "
                    + "Section 5 of the README shows the test SQL has for missing values.")
    @DisplayName("05 lists the users with no city (NULL), by username")
    void e05_usersWithoutCity(SqlCheck sql) {
        sql.assertQuery("05-users-without-city.sql", reference("05-users-without-city"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "06-posts-per-status", hiddenOn = HIDDEN_DATA,
            hint = "\"Per status\" means one group per status. The task names the count's column and the order.")
    @DisplayName("06 counts the posts of each status, ordered by status")
    void e06_postsPerStatus(SqlCheck sql) {
        sql.assertQuery("06-posts-per-status.sql", reference("06-posts-per-status"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "07-view-stats", hiddenOn = HIDDEN_DATA,
            hint = "Four aggregates in one row, over the published posts only, each named as the task says. The "
                    + "average must be rounded to two decimals: round works on numeric values.")
    @DisplayName("07 summarises the views of published posts in one row")
    void e07_viewStats(SqlCheck sql) {
        sql.assertQuery("07-view-stats.sql", reference("07-view-stats"),
                CompareOptions.unordered().withColumnNames());
    }

    @Check(id = "08-insert-tag", hiddenOn = HIDDEN_DATA,
            hint = "Which columns do you really have to give? PostgreSQL fills in the id by itself. Nothing else "
                    + "may change.")
    @DisplayName("08 adds the tag 'jshell' and changes nothing else")
    void e08_insertTag(SqlCheck sql) {
        // Names only: the identity value the reference drew is not rolled back, so ids would differ.
        sql.assertChanges("08-insert-tag.sql", reference("08-insert-tag"),
                "SELECT name FROM tags", "the tags table");
        // The task leaves the id to PostgreSQL: a row whose id did not come from the identity's sequence chose it.
        ResultTable fromSequence = sql.asGrader("SELECT count(*) FROM tags t WHERE t.name = 'jshell' AND t.id = "
                + "(SELECT last_value FROM pg_sequences WHERE format('%I.%I', schemaname, sequencename) "
                + "= pg_get_serial_sequence('public.tags', 'id'))");
        if (((Number) fromSequence.rows().get(0).get(0)).longValue() != 1) {
            String why = "Your INSERT gives the new tag an id of its own, but the task leaves the id to PostgreSQL: "
                    + "tags.id is an identity column, which takes the next number of its sequence when the INSERT "
                    + "does not name it.";
            throw new WrongResult("The tags table holds the right names after 08-insert-tag.sql, but the new tag's "
                    + "id was not drawn from the table's sequence. " + why + " A hand-picked id collides with the "
                    + "next row PostgreSQL numbers itself. Leave the id column out of the INSERT.", why);
        }
    }

    @Check(id = "09-archive-old-drafts", hiddenOn = HIDDEN_DATA,
            hint = "Two conditions must both hold: one on the status, one on when the post was created. Write them "
                    + "as a SELECT first and check the rows it lists.")
    @DisplayName("09 archives exactly the drafts created before 2024")
    void e09_archiveOldDrafts(SqlCheck sql) {
        sql.assertChanges("09-archive-old-drafts.sql", reference("09-archive-old-drafts"),
                "SELECT * FROM posts", "the posts table");
    }

    @Check(id = "10-delete-spam", hiddenOn = HIDDEN_DATA,
            hint = "The phrase can be anywhere in a comment, in any letter case. Run your condition as a SELECT "
                    + "first and read every row it would delete.")
    @DisplayName("10 deletes exactly the comments that say 'buy now' in any letter case")
    void e10_deleteSpam(SqlCheck sql) {
        sql.assertChanges("10-delete-spam.sql", reference("10-delete-spam"),
                "SELECT * FROM comments", "the comments table");
    }

    /** The reference answer of an exercise: {@code references/<name>.sql} beside this class. */
    private static ReferenceAnswer reference(String name) {
        return ReferenceAnswer.beside(Lab01SqlBasicsGrader.class, name);
    }
}
