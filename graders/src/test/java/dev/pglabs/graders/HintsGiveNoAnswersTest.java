package dev.pglabs.graders;

import dev.pglabs.authoring.CourseCheck;
import dev.pglabs.authoring.CourseRule;
import dev.pglabs.authoring.HintLeaks;
import dev.pglabs.course.Course;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No hint gives an exercise's answer away: every {@code @Check} hint (what {@code grade} shows) and every level of
 * a lab README's "## Hints" (what {@code pglabs hint} shows) is compared with the lab's reference answers by the
 * rule of {@link HintLeaks}, which {@code pglabs dev check} runs too.
 */
@DisplayName("No hint gives an exercise's answer away")
class HintsGiveNoAnswersTest {

    @Test
    @DisplayName("every @Check hint and every README hint level shares no long token run and no whole statement with "
            + "the lab's reference answers")
    void hintsAreNotNearCopies() {
        CourseRule hints = CourseCheck.RULES.stream().filter(r -> r.name().equals("hints")).findFirst().orElseThrow();
        assertThat(hints.check(Course.locate())).as("hints that give the answer away (rule: HintLeaks)").isEmpty();
    }

    @Test
    @DisplayName("the rule rejects the hints that gave answers away and accepts a nudge")
    void ruleCatchesKnownLeaks() {
        HintLeaks lab01 = HintLeaks.ofAnswers(List.of("INSERT INTO tags (name) VALUES ('jshell');",
                "SELECT * FROM tags;", "SELECT status, count(*) AS post_count FROM posts GROUP BY status ORDER BY status;"));
        assertThat(lab01.nearCopy("INSERT INTO tags (name) VALUES ('jshell'); leave out id")).isNotNull();
        assertThat(lab01.nearCopy("Use `SELECT * FROM tags`.")).isNotNull();
        assertThat(lab01.nearCopy("`GROUP BY status`, `count(*)` named with `AS post_count`, and `ORDER BY status`."))
                .as("clause by clause").isNull();  // four short pieces: each a nudge, checked by review
        assertThat(lab01.nearCopy("\"Per status\" means one group per status.")).isNull();
        HintLeaks lab08 = HintLeaks.ofAnswers(List.of(
                "return new QUser(db).profile.fetch().username.eq(username).findOneOrEmpty();"));
        assertThat(lab08.nearCopy("return new QUser(db).profile.fetch().username.eq(username).findOneOrEmpty(); — "
                + "one query")).isNotNull();
        assertThat(lab08.nearCopy("A query bean can fetch the profile in the same query.")).isNull();
    }
}
