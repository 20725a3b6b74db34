package dev.pglabs.reports;

import dev.pglabs.classroom.similarity.Answer;
import dev.pglabs.classroom.similarity.Exercise;
import dev.pglabs.classroom.similarity.IdenticalSubmissions;
import dev.pglabs.classroom.similarity.SimilarityIndex;
import dev.pglabs.classroom.similarity.SimilarityReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityPageTest {

    private static final String NAME = "<img src=x onerror=alert(1)>ana";

    @Test
    void studentNamesAnswersAndNotesAreEscapedAndLongAnswersCut() {
        Exercise exercise = new Exercise("01-x", "<b>01</b>.sql", "-- task\n-- TODO: write your query here\n");
        String huge = "-- task\nSELECT 1 -- </pre><script>alert(2)</script>" + "x".repeat(SimilarityPage.MAX_SHOWN_CHARS);
        Answer first = new Answer(NAME, exercise, huge, "select 0", 2, true);
        Answer second = new Answer("bo", exercise, "SELECT 1", "select 0", 2, false);
        SimilarityIndex.Pair pair = new SimilarityIndex.Pair(NAME, "bo", 2.5,
                List.of(new SimilarityIndex.Shared(exercise, 2.5, 2, 30, first, second)));
        SimilarityReport report = new SimilarityReport(List.of("01-x"), 30, 1, 30, 1, SimilarityIndex.THRESHOLD,
                List.of(new IdenticalSubmissions.Group("01-x", "ab".repeat(32), List.of(NAME, "bo"))), List.of(pair),
                List.of(List.of(NAME, "bo")), List.of(NAME + ": 01-x/<b>01</b>.sql is not valid UTF-8. Not compared."));

        String html = SimilarityPage.render(report);
        String body = html.substring(html.indexOf("<body>"));
        assertThat(body).doesNotContain("<img").doesNotContain("<script>").doesNotContain("<b>01")
                .contains("&lt;img src=x onerror=alert(1)&gt;ana and bo — score 2.50")
                .contains("-- (the starter&#39;s first 1 line, unchanged, left out)\nSELECT 1 -- &lt;/pre&gt;&lt;script&gt;")
                .contains("more characters)")
                .contains("bo (compared word by word)");
        assertThat(body.length()).isLessThan(SimilarityPage.MAX_SHOWN_CHARS + 8_000);
    }
}
