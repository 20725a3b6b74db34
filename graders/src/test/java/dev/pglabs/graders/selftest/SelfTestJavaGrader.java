package dev.pglabs.graders.selftest;

import dev.pglabs.graders.selftest.sandboxed.CountTags;
import dev.pglabs.graders.selftest.sandboxed.OpenConnection;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.javasub.JavaSources;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentJvm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;
import org.opentest4j.AssertionFailedError;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A Java "lab" for testing the engine, shaped like labs 07–11: compile the submission's src/main/java, call the
 * student's class (through a course interface) in the submission's worker ({@link StudentJvm}) with the check's
 * database as the student's role, and compare with the grader's own query. It reuses lab 01's data;
 * {@link JavaSubmissionSelfTest} and the hostile corpus grade submissions with it. Its name does not match Surefire's includes, and it only runs while
 * that test enables it (an IDE's "run all" would otherwise grade labs/, which holds no Java).
 */
@Grader(lab = "01-sql-basics")
@DisplayName("Self-test · Java submission")
@EnabledIf("enabled")
class SelfTestJavaGrader {

    static final String STUDENT_CLASS = "selftest.StudentTagCounter";
    /** Far above an honest count (milliseconds), so that a busy machine never decides the outcome. */
    static final Duration LIMIT = Duration.ofSeconds(5);
    /** A second, different limit: the feedback must name the limit of the check that fired. */
    static final Duration FAST = Duration.ofSeconds(3);
    /** Opening the connection is the grader's work; a fresh worker loads the driver then, seconds on a busy machine. */
    static final Duration CONNECT = Duration.ofSeconds(20);

    private static volatile boolean enabled;

    static void enable(boolean on) {
        enabled = on;
    }

    static boolean enabled() {
        return enabled;
    }

    @Check(id = "java-count-tags", points = 2)
    @DisplayName("StudentTagCounter.countTags returns the number of tags")
    void e01_countsTags(JavaSources java, StudentJvm jvm, CheckDatabase db) throws SQLException {
        long actual = countTags(java, jvm, db, LIMIT);
        long expected = tagsAsGrader(db);
        if (actual != expected) {
            throw new AssertionFailedError("StudentTagCounter.countTags returned " + actual + ", but the tags "
                    + "table has " + expected + " rows (expected " + expected + ", actual " + actual + ").");
        }
    }

    @Check(id = "java-count-tags:fast")
    @DisplayName("StudentTagCounter.countTags answers within 3 s")
    void e02_answersQuickly(JavaSources java, StudentJvm jvm, CheckDatabase db) {
        countTags(java, jvm, db, FAST);
    }

    /** The student's count, called in the worker within {@code limit} (classes compiled anew for each check). */
    private static long countTags(JavaSources java, StudentJvm jvm, CheckDatabase db, Duration limit) {
        CodeRef code = jvm.code(java.compile());
        Handle connection = jvm.call(new OpenConnection(jvm.database(db.studentTarget())), CONNECT,
                "opening a connection for StudentTagCounter.countTags");
        return jvm.call(new CountTags(code, connection), limit, "StudentTagCounter.countTags");
    }

    private static long tagsAsGrader(CheckDatabase db) throws SQLException {
        try (Connection c = db.openAdmin(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM tags")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
