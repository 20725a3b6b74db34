package dev.pglabs.graders.lab05;

import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.grading.WrongResult;
import dev.pglabs.results.Visibility;
import dev.pglabs.submission.LabFiles;
import org.junit.jupiter.api.DisplayName;

/**
 * The hidden twins of lab 05's query checks: the same exercise with other values (another email, author,
 * post, page of drafts), so an index that only covers the value shown in the task fails here.
 *
 * <p>Hidden checks live in this file only (docs/instructors.md, "Hidden checks"): {@code ./pglabs release} leaves it
 * out of the students' copy, and nothing else refers to it. Registered in course.json as the lab's "hiddenGrader".
 */
@Grader(lab = "05-indexes")
@DisplayName("Lab 05 · Indexes (hidden checks)")
class Lab05IndexesHiddenChecks {

    /** The visible grader's steps, run with the values of the hidden twins. */
    private final Lab05IndexesGrader visible = new Lab05IndexesGrader();

    /** What students read when a twin fails: the kind of mistake, none of the values. */
    private static final String OTHER_VALUES = "With other values than the task's, your index does not serve the "
            + "query as the exercise asks (the plan reads the table another way, or the index misses rows).";

    private static final String OLDER_DRAFTS = "SELECT id, user_id, title, created_at FROM posts WHERE status = 'draft' "
            + "AND created_at < '2024-01-01' ORDER BY created_at DESC LIMIT 20";

    @Check(id = "01-user-by-email:hidden", points = 1, visibility = Visibility.HIDDEN,
            hint = "The index must serve every email, not only the one in the task.")
    @DisplayName("01 the same index serves the lookup of another email")
    void e01h_userByEmailOtherEmail(SqlCheck sql, LabFiles files) throws Exception {
        WrongResult.summarising(OTHER_VALUES,
                () -> visible.userByEmail(sql, files, "LINH.LINDQVIST7777@outlook.com", false));
    }

    @Check(id = "02-posts-by-author-recent:hidden", points = 1, visibility = Visibility.HIDDEN,
            hint = "The index must serve every author: one with 1,442 posts and one with 3.")
    @DisplayName("02 the same index serves an author with only a few posts")
    void e02h_postsByAuthorRecentFewPosts(SqlCheck sql, LabFiles files) throws Exception {
        WrongResult.summarising(OTHER_VALUES, () -> visible.postsByAuthor(sql, files, 4242, 3, false));
    }

    @Check(id = "03-draft-posts:hidden", points = 1, visibility = Visibility.HIDDEN,
            hint = "The same index should also serve the next page: drafts older than a given date.")
    @DisplayName("03 the same index serves the next page of drafts (created_at < a date)")
    void e03h_draftPostsNextPage(SqlCheck sql, LabFiles files) throws Exception {
        WrongResult.summarising(OTHER_VALUES, () -> visible.draftPosts(sql, files, OLDER_DRAFTS, false));
    }

    @Check(id = "04-comments-of-post:hidden", points = 1, visibility = Visibility.HIDDEN,
            hint = "The index must serve every post, also the most commented one.")
    @DisplayName("04 the same index serves the most commented post")
    void e04h_commentsOfPopularPost(SqlCheck sql, LabFiles files) throws Exception {
        WrongResult.summarising(OTHER_VALUES, () -> visible.commentsOfPost(sql, files, 31677, 2237, false));
    }

    @Check(id = "05-unique-username-lower:hidden", points = 1, visibility = Visibility.HIDDEN,
            hint = "The unique index must cover every username, not only the one in the task.")
    @DisplayName("05 the same index rejects another username in other letter case")
    void e05h_uniqueUsernameLowerOtherName(SqlCheck sql, LabFiles files) throws Exception {
        WrongResult.summarising(OTHER_VALUES,
                () -> visible.uniqueUsername(sql, files, "alice.takahashi12345", "Alice.Takahashi12345", false));
    }

}
