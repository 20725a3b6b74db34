package dev.pglabs.graders.lab03;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.ReferenceAnswer;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.submission.LabFiles;
import org.junit.jupiter.api.DisplayName;

/**
 * Grades lab 03 (relations and joins). Exercises 01–09 are queries compared with a reference; each also runs
 * hidden on {@code datasets/blog/03-variant-edge-cases.sql}, which adds the rows that expose the classic join
 * mistakes (users with no posts, a tag with no posts, an author with two posts of equal views, a four-way tie at
 * the LIMIT boundary, …). Exercise 10 is DDL (a bookmarks table) graded by behaviour in {@link BookmarksProbe}.
 * Each check names its reference answer, {@code references/<check>.sql} beside this class; the student release
 * holds their results on the visible data instead (see {@code ExpectedResults}).
 */
@Grader(lab = "03-relations-joins")
@DisplayName("Lab 03 · Relations and joins")
class Lab03RelationsJoinsGrader {

    private static final String HIDDEN_DATA = "hidden";

    @Check(id = "01-posts-with-authors", hiddenOn = HIDDEN_DATA,
            hint = "Each post has its author's id; the author's name is in another table. Join the two on the "
                    + "column they share, and name the columns as the task does.")
    @DisplayName("01 lists every published post with its author's username, by post id")
    void e01_postsWithAuthors(SqlCheck sql) {
        sql.assertQuery("01-posts-with-authors.sql", reference("01-posts-with-authors"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "02-posts-per-user", hiddenOn = HIDDEN_DATA,
            hint = "Users without posts vanish with an INNER JOIN: start FROM users and LEFT JOIN posts. "
                    + "Then count(p.id), not count(*): over a LEFT JOIN a user with no posts still has one row "
                    + "(with NULLs), so count(*) says 1 where the answer is 0.")
    @DisplayName("02 counts the posts of every user, 0 for users who wrote none")
    void e02_postsPerUser(SqlCheck sql) {
        sql.assertQuery("02-posts-per-user.sql", reference("02-posts-per-user"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "03-published-posts-per-tag", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Put the condition on the posts (p.status = 'published') in the ON clause of the LEFT JOIN, "
                    + "not in WHERE: a WHERE on the right-hand table throws away the rows the LEFT JOIN kept for "
                    + "tags without published posts. Count p.id, which is NULL when no published post matched.")
    @DisplayName("03 counts the published posts of every tag, 0 for tags without any")
    void e03_publishedPostsPerTag(SqlCheck sql) {
        sql.assertQuery("03-published-posts-per-tag.sql", reference("03-published-posts-per-tag"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "04-busy-commenters", hiddenOn = HIDDEN_DATA,
            hint = "Different posts, not comments: count(DISTINCT c.post_id). A condition on a count belongs in "
                    + "HAVING (after GROUP BY), and \"at least 10\" is >= 10.")
    @DisplayName("04 finds the users who commented on at least 10 different posts")
    void e04_busyCommenters(SqlCheck sql) {
        sql.assertQuery("04-busy-commenters.sql", reference("04-busy-commenters"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "05-posts-without-comments", hiddenOn = HIDDEN_DATA,
            hint = "You want the posts for which no comment exists. Either keep all posts with an outer join and "
                    + "look for the missing match, or ask whether a matching comment exists (section 6).")
    @DisplayName("05 lists the published posts nobody has commented on, with their author, by post id")
    void e05_postsWithoutComments(SqlCheck sql) {
        sql.assertQuery("05-posts-without-comments.sql", reference("05-posts-without-comments"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "06-most-commented-posts", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Count per post, then sort by the count; the task says how to break ties. A post without "
                    + "comments counts 0, not nothing.")
    @DisplayName("06 shows the 3 published posts with the most comments, ties broken by the newest publication")
    void e06_mostCommentedPosts(SqlCheck sql) {
        sql.assertQuery("06-most-commented-posts.sql", reference("06-most-commented-posts"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "07-user-activity", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Joining users to posts AND comments makes one row per (post, comment) pair, so sums and counts "
                    + "multiply (fan-out). Aggregate each child table on its own (a subquery per column, or one CTE "
                    + "per table, LEFT JOINed on the user id), and COALESCE a missing count or sum to 0. "
                    + "SUM(DISTINCT views) is no fix: two posts with the same views would count once. And over a "
                    + "LEFT JOIN, count(*) counts 1 for a user with no posts.")
    @DisplayName("07 totals posts, views and comments per user without double counting")
    void e07_userActivity(SqlCheck sql) {
        sql.assertQuery("07-user-activity.sql", reference("07-user-activity"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "08-above-average-authors", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Two steps: a CTE with one row per author (published posts and their total views), then keep "
                    + "the rows whose total is above (SELECT avg(total_views) FROM that_cte). The average is over "
                    + "authors with at least one published post, not over single posts and not over all users.")
    @DisplayName("08 finds the authors whose published posts have more views than the average author's")
    void e08_aboveAverageAuthors(SqlCheck sql) {
        sql.assertQuery("08-above-average-authors.sql", reference("08-above-average-authors"),
                CompareOptions.ordered().withColumnNames());
    }

    @Check(id = "09-postgresql-and-performance", hiddenOn = HIDDEN_DATA,
            hint = "One tag row can't be named 'postgresql' AND 'performance', and IN (...) means OR. Check the "
                    + "two tags separately (two EXISTS, or INTERSECT), or keep both names with IN and GROUP BY the "
                    + "post HAVING count(*) = 2.")
    @DisplayName("09 finds the posts tagged both 'postgresql' and 'performance', by id")
    void e09_postgresqlAndPerformance(SqlCheck sql) {
        sql.assertQuery("09-postgresql-and-performance.sql", reference("09-postgresql-and-performance"),
                CompareOptions.ordered().withColumnNames());
    }

    // Exercise 10 is DDL: its behaviour does not depend on the blog rows, so it has no hidden variant.

    @Check(id = "10-bookmarks-table",
            hint = "Each of the three columns is a foreign key (REFERENCES the table it points to); user_id and "
                    + "post_id are required, and together they are the primary key.")
    @DisplayName("10 creates bookmarks with foreign keys and one bookmark per user and post")
    void e10a_bookmarksTable(SqlCheck sql, LabFiles files) {
        BookmarksProbe.create(sql, files).assertTableRules();
    }

    @Check(id = "10-delete-user-cascades",
            hint = "The bookmarks belong to the user and should go with them: that is the CASCADE action, written "
                    + "after the REFERENCES of user_id.")
    @DisplayName("10 deleting a user deletes that user's bookmarks, and only those")
    void e10b_deleteUserCascades(SqlCheck sql, LabFiles files) {
        BookmarksProbe.create(sql, files).assertDeleteUserCascades();
    }

    @Check(id = "10-delete-post-restricted",
            hint = "The foreign key on post_id must refuse the delete: ON DELETE RESTRICT (or no ON DELETE at all, "
                    + "which is NO ACTION). CASCADE would silently delete the bookmarks; SET NULL can't work on a "
                    + "NOT NULL key column.")
    @DisplayName("10 deleting a bookmarked post is refused (SQLSTATE 23503)")
    void e10c_deletePostRestricted(SqlCheck sql, LabFiles files) {
        BookmarksProbe.create(sql, files).assertDeletePostRestricted();
    }

    @Check(id = "10-delete-recommender-set-null",
            hint = "The bookmark stays and only the link to the deleted user is cleared: that is the SET NULL "
                    + "action, and the column must allow NULL for it.")
    @DisplayName("10 deleting the recommending user keeps the bookmark with recommended_by NULL")
    void e10d_deleteRecommenderSetNull(SqlCheck sql, LabFiles files) {
        BookmarksProbe.create(sql, files).assertDeleteRecommenderSetsNull();
    }

    /** The reference answer of an exercise: {@code references/<name>.sql} beside this class. */
    private static ReferenceAnswer reference(String name) {
        return ReferenceAnswer.beside(Lab03RelationsJoinsGrader.class, name);
    }
}
