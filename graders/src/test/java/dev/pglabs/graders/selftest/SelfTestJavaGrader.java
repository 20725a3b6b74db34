package dev.pglabs.graders.selftest;

import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.javasub.JavaCalls;
import dev.pglabs.javasub.JavaSources;
import dev.pglabs.provisioning.CheckDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;
import org.opentest4j.AssertionFailedError;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A Java "lab" for testing the engine, shaped like labs 07–10 will be: compile the submission's
 * src/main/java, create the student's class through a course interface, call it with the student's
 * connection and compare with the grader's own query. It reuses lab 01's data; {@link JavaSubmissionSelfTest}
 * grades golden submissions with it. Its name does not match Surefire's includes, and it only runs while
 * that test enables it (an IDE's "run all" would otherwise grade labs/, which holds no Java).
 */
@Grader(lab = "01-sql-basics")
@DisplayName("Self-test · Java submission")
@EnabledIf("enabled")
class SelfTestJavaGrader {

    static final String STUDENT_CLASS = "selftest.StudentTagCounter";
    static final Duration LIMIT = Duration.ofSeconds(2);
    static final Duration FAST = Duration.ofSeconds(1);

    private static volatile boolean enabled;

    static void enable(boolean on) {
        enabled = on;
    }

    static boolean enabled() {
        return enabled;
    }

    @Check(id = "java-count-tags", points = 2)
    @DisplayName("StudentTagCounter.countTags returns the number of tags")
    void e01_countsTags(JavaSources java, CheckDatabase db) throws SQLException {
        TagCounter counter = java.compile().instantiate(STUDENT_CLASS, TagCounter.class);
        long actual = JavaCalls.call(() -> counter.countTags(db.student().connection()), LIMIT,
                "StudentTagCounter.countTags");
        long expected = tagsAsGrader(db);
        if (actual != expected) {
            throw new AssertionFailedError("StudentTagCounter.countTags returned " + actual + ", but the tags "
                    + "table has " + expected + " rows (expected " + expected + ", actual " + actual + ").");
        }
    }

    @Check(id = "java-count-tags:fast")
    @DisplayName("StudentTagCounter.countTags answers within 1 s")
    void e02_answersQuickly(JavaSources java, CheckDatabase db) {
        TagCounter counter = java.compile().instantiate(STUDENT_CLASS, TagCounter.class);
        JavaCalls.call(() -> counter.countTags(db.student().connection()), FAST, "StudentTagCounter.countTags");
    }

    private static long tagsAsGrader(CheckDatabase db) throws SQLException {
        try (Connection c = db.openAdmin(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM tags")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
