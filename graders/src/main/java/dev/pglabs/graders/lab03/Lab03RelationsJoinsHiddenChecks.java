package dev.pglabs.graders.lab03;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.ReferenceAnswer;
import dev.pglabs.grading.SqlCheck;
import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.DisplayName;

/**
 * Lab 03's hidden checks with data of their own. Exercise 06 runs once more on a blog where only two posts
 * have comments, so that its top 3 holds a post without any: the main hidden variant keeps a four-way tie at
 * the LIMIT boundary for the tie-breaker, which leaves no room for such a post.
 *
 * <p>Hidden checks live in this file only (docs/instructors.md, "Hidden checks"): {@code ./pglabs release} leaves it
 * out of the students' copy, and nothing else refers to it. Registered in course.json as the lab's "hiddenGrader".
 */
@Grader(lab = "03-relations-joins")
@DisplayName("Lab 03 · Relations and joins (hidden checks)")
class Lab03RelationsJoinsHiddenChecks {

    @Check(id = "06-most-commented-posts-few-comments:hidden", points = 1, visibility = Visibility.HIDDEN,
            dataset = "hidden-quiet",
            hint = "A post without comments belongs in the ranking with a count of 0: which join keeps it, and what "
                    + "does count(*) count for it?")
    @DisplayName("06 ranks a post without comments with 0 when few posts have any")
    void e06h_mostCommentedPostsFewComments(SqlCheck sql) {
        sql.assertQuery("06-most-commented-posts.sql",
                ReferenceAnswer.beside(Lab03RelationsJoinsGrader.class, "06-most-commented-posts"),
                CompareOptions.ordered().withColumnNames());
    }
}
