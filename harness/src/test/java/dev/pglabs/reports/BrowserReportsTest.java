package dev.pglabs.reports;

import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.GradeDiff;
import dev.pglabs.classroom.similarity.Answer;
import dev.pglabs.classroom.similarity.Exercise;
import dev.pglabs.classroom.similarity.SimilarityIndex;
import dev.pglabs.classroom.similarity.SimilarityReport;
import dev.pglabs.results.CheckStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML reports as a reader sees them, in a real headless Chromium at a laptop's 1280 px: nothing scrolls
 * sideways, the class total shows, and a student's page shows no hidden data. Screenshots go to
 * target/screenshots/ for a person to look at. Skipped, with the reason, where no Chromium is installed.
 */
class BrowserReportsTest {

    private static final int LAPTOP = 1280;

    @TempDir
    static Path tmp;
    static HeadlessChromium browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.launch();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @DisplayName("the overview of eleven labs fits 1280 px: no sideways scrolling, the Students table and its total in view")
    void overviewFits() throws IOException {
        ClassResult result = TeachingClass.result();
        var previous = new ClassOverviewPage.PreviousRun("2026-11-25T10:00:00Z", "1.2.2", List.of(
                new GradeDiff.StudentChanges(TeachingClass.LONG_NAME, "", List.of(new GradeDiff.Change(
                        "01-lab-number-01", "01-find:hidden", "failed 0/2", "passed 2/2")))));
        Path file = tmp.resolve("overview.html");
        ClassOverviewPage.write(result, Map.of("ana", "students/ana.html"),
                List.of("2 folders are not in the roster: dora, eli"), Optional.of(previous), file);

        HeadlessChromium.Page page = browser.open(file, LAPTOP);
        page.screenshot(HeadlessChromium.screenshotFile("overview-" + LAPTOP));
        assertThat(page.viewportWidth()).isEqualTo(LAPTOP);
        assertThat(page.scrollWidth()).as("the page does not scroll sideways").isLessThanOrEqualTo(page.viewportWidth());
        // The Students table sits in a box that could scroll on a narrower screen: at 1280 px it must not need to.
        assertThat(page.evaluate("(() => { const t = [...document.querySelectorAll('h2')]"
                + ".find(h => h.textContent === 'Students').nextElementSibling; return t.scrollWidth <= t.clientWidth; })()")
                .asBoolean()).as("the Students table fits its box").isTrue();
        assertThat(page.evaluate("(() => { const th = [...document.querySelectorAll('th')]"
                + ".find(h => h.textContent.startsWith('total')); return th.getBoundingClientRect().right; })()")
                .asDouble()).as("the total column is in view").isLessThanOrEqualTo(LAPTOP);
        assertThat(page.text()).contains("Changes since the previous run", "Hardest exercises",
                "Passed visible, failed hidden", "Every exercise", "Students", TeachingClass.LONG_NAME);
    }

    @Test
    @DisplayName("a student's feedback page fits 1280 px and shows the hidden check's advice but none of its data")
    void feedbackPageHidesHiddenData() throws IOException {
        Path file = tmp.resolve("ben.html");
        FeedbackPage.write(TeachingClass.LONG_NAME, TeachingClass.submission(CheckStatus.PASSED, CheckStatus.FAILED,
                false), file);
        assertThat(Files.readString(file)).doesNotContain(TeachingClass.HIDDEN_DATA);

        HeadlessChromium.Page page = browser.open(file, LAPTOP);
        page.screenshot(HeadlessChromium.screenshotFile("feedback-" + LAPTOP));
        assertThat(page.scrollWidth()).as("the page does not scroll sideways").isLessThanOrEqualTo(page.viewportWidth());
        assertThat(page.text()).contains("01-find:hidden", "on other data")
                .doesNotContain(TeachingClass.HIDDEN_DATA, "zoe@hidden.example", "4242");
    }

    @Test
    @DisplayName("hostile feedback (markup, control characters) stays text and the page still fits a 1280 px window")
    void hostileFeedbackStaysText() throws IOException {
        Path file = tmp.resolve("hostile.html");
        FeedbackPage.write("<img src=x onerror=alert(1)>" + "x".repeat(300), SampleResults.submission(1, 0, 0, 0, 0), file);
        HeadlessChromium.Page page = browser.open(file, LAPTOP);
        page.screenshot(HeadlessChromium.screenshotFile("feedback-hostile-" + LAPTOP));
        assertThat(page.scrollWidth()).isLessThanOrEqualTo(page.viewportWidth());
        assertThat(page.text()).contains("<script>alert('x')</script>", "<img src=x onerror=alert(1)>");
        assertThat(page.evaluate("document.querySelectorAll('script, img').length").asInt()).isZero();
    }

    @Test
    @DisplayName("the similarity report fits 1280 px with two long answers side by side, and student text stays text")
    void similarityFits() throws IOException {
        var exercise = new Exercise("03-relations-joins",
                "07-user-activity.sql", "-- task\n-- TODO: write your query here\n");
        String longAnswer = "-- task\nWITH post_totals AS (SELECT user_id, count(*) AS post_count, sum(views) AS "
                + "total_views_of_every_single_post_written_by_this_author FROM posts GROUP BY user_id) SELECT "
                + "u.username, coalesce(pt.post_count, 0) AS post_count FROM users AS u LEFT JOIN post_totals AS pt "
                + "ON pt.user_id = u.id ORDER BY u.username; -- <script>alert('x')</script>";
        var first = new Answer("<img src=x onerror=alert(1)>ana", exercise,
                longAnswer, "with post_totals as (…)", 40, true);
        var second = new Answer("bo", exercise, longAnswer.replace("pt", "totals"),
                "with post_totals as (…)", 40, true);
        var pair = new SimilarityIndex.Pair(first.student(), "bo", 3.2,
                List.of(new SimilarityIndex.Shared(exercise, 3.2, 2, 24, first, second)));
        var report = new SimilarityReport(List.of("03-relations-joins"), 24, 1, 24, 1,
                SimilarityIndex.THRESHOLD, List.of(), List.of(pair),
                List.of(List.of(first.student(), "bo")), List.of());
        Path file = tmp.resolve("similarity.html");
        Files.writeString(file, SimilarityPage.render(report));

        HeadlessChromium.Page page = browser.open(file, LAPTOP);
        page.screenshot(HeadlessChromium.screenshotFile("similarity-" + LAPTOP));
        assertThat(page.scrollWidth()).as("the page does not scroll sideways").isLessThanOrEqualTo(page.viewportWidth());
        assertThat(page.text()).contains("never a penalty", "<img src=x onerror=alert(1)>ana", "<script>alert('x')</script>");
        assertThat(page.evaluate("document.querySelectorAll('script, img').length").asInt()).isZero();
    }
}
