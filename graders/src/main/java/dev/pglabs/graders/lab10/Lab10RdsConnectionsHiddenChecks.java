package dev.pglabs.graders.lab10;

import dev.pglabs.worker.StudentJvm;

import dev.pglabs.course.Lab;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.WrongResult;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.results.Visibility;
import org.junit.jupiter.api.DisplayName;
import java.util.ArrayList;
import java.util.List;

import dev.pglabs.graders.lab10.UrlCases.Malformed;
import dev.pglabs.graders.lab10.UrlCases.Valid;

import static dev.pglabs.graders.lab10.UrlCases.malformed;
import static dev.pglabs.graders.lab10.UrlCases.valid;

/**
 * The hidden check of lab 10: more URLs of every kind, written differently from the visible tables of
 * {@link UrlCases} (a '+' in a password, encoded ':' and '@', mixed IPv6 hosts, empty parts, bad ports).
 *
 * <p>Hidden checks live in this file only (docs/instructors.md, "Hidden checks"): {@code ./pglabs release} leaves it
 * out of the students' copy, and nothing else refers to it. Registered in course.json as the lab's "hiddenGrader".
 */
@Grader(lab = "10-rds-connections")
@DisplayName("Lab 10 · Connecting to RDS (hidden checks)")
class Lab10RdsConnectionsHiddenChecks {

    private static final String HIDDEN_SECRET = "S3cr3t-hidden";

    private static final List<Valid> HIDDEN_VALID = List.of(
            valid("postgresql://app:a+b@db:5432/blog",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "a+b"),
            valid("postgresql://app:%20lead%20@db:5432/blog",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", " lead "),
            valid("postgresql://admin%40corp:pw@db:5432/blog",
                    "jdbc:postgresql://db:5432/blog", "user", "admin@corp", "password", "pw"),
            valid("postgresql://app:p%3Aw%40rd@db:5432/blog",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "p:w@rd"),
            valid("postgresql://app:pw@[::1]/blog",
                    "jdbc:postgresql://[::1]:5432/blog", "user", "app", "password", "pw"),
            valid("postgresql://app:pw@10.0.0.5:5432,[::1]:6432,replica.example.com/blog",
                    "jdbc:postgresql://10.0.0.5:5432,[::1]:6432,replica.example.com:5432/blog",
                    "user", "app", "password", "pw"),
            valid("postgres://app:pw@DB.Example.COM:5432/Blog",
                    "jdbc:postgresql://DB.Example.COM:5432/Blog", "user", "app", "password", "pw"),
            valid("postgresql://app:pw@db:5432/blog?application_name=lab10&sslmode=verify-full"
                            + "&sslrootcert=%2Ftmp%2Fca%20bundle.pem&connect_timeout=5",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "pw", "ApplicationName", "lab10",
                    "sslmode", "verify-full", "sslrootcert", "/tmp/ca bundle.pem", "connectTimeout", "5"),
            valid("postgresql://app:pw@db:5432/blog?",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "pw"),
            valid("postgresql://app:pw@db:5432/blog?sslmode=prefer&",
                    "jdbc:postgresql://db:5432/blog", "user", "app", "password", "pw", "sslmode", "prefer"));

    private static final List<Malformed> HIDDEN_MALFORMED = List.of(
            malformed("postgresql://app:" + HIDDEN_SECRET + "@db:0/blog", "port 0 does not exist", HIDDEN_SECRET,
                    "port"),
            malformed("postgresql://app:" + HIDDEN_SECRET + "@db:65536/blog", "ports end at 65535", HIDDEN_SECRET,
                    "port"),
            malformed("postgresql://app:" + HIDDEN_SECRET + "@db:5432/", "the database name is empty", HIDDEN_SECRET,
                    "database"),
            malformed("postgresql://:" + HIDDEN_SECRET + "@db/blog", "the user name is empty", HIDDEN_SECRET,
                    "user"),
            malformed("postgresql://db.example.com/blog", "there is no user", HIDDEN_SECRET, "user"),
            malformed("http://app:" + HIDDEN_SECRET + "@db/blog", "http is not a database scheme", HIDDEN_SECRET,
                    "scheme", "postgresql://"),
            malformed("jdbc:postgresql://db:5432/blog?user=app&password=" + HIDDEN_SECRET,
                    "it is already a JDBC URL, not a DATABASE_URL", HIDDEN_SECRET, "scheme", "postgresql://", "jdbc"),
            malformed("postgresql://app:" + HIDDEN_SECRET + "@db:5432/blog?sslmode=",
                    "sslmode is empty", HIDDEN_SECRET, "sslmode"),
            malformed("postgresql://app:S3cr3t%4@db/blog", "%4 is cut short", "S3cr3t%4", "percent", "encod",
                    "escape", "hex"),
            malformed("postgresql://app:" + HIDDEN_SECRET + "@db,:5433/blog", "the second host is empty",
                    HIDDEN_SECRET, "host"),
            malformed("postgresql://app:" + HIDDEN_SECRET + "@db:5432/blog?connect_timeout=soon",
                    "connect_timeout is a number of seconds", HIDDEN_SECRET, "connect_timeout"),
            malformed("postgresql://app:" + HIDDEN_SECRET + "@db:5432/blog?password=other",
                    "password is not one of the supported parameters", HIDDEN_SECRET, "password"));

    @Check(id = "01-parse-more", points = 2, visibility = Visibility.HIDDEN,
            hint = "Test your parser with your own URLs: a '+' in a password, an encoded ':' or '@', several hosts mixing "
                    + "IPv6 and names, an empty query, port 0 and 65536, a URL without user.")
    @DisplayName("01 parses more URLs of every kind, and rejects more malformed ones")
    void e01f_more(CompiledSubmission code, StudentJvm jvm) throws Exception {
        StudentDb student = new StudentDb(jvm, code);
        List<String> problems = new ArrayList<>(UrlVerdicts.validProblems(student, HIDDEN_VALID));
        problems.addAll(UrlVerdicts.malformedProblems(student, HIDDEN_MALFORMED));
        int total = HIDDEN_VALID.size() + HIDDEN_MALFORMED.size();
        WrongResult.summarising("DatabaseUrl.parse got " + problems.size() + " of " + total + " more URLs wrong: "
                + "valid ones parsed into another JDBC URL or properties, or malformed ones not rejected with an "
                + "IllegalArgumentException that names the problem (and never the password).",
                () -> UrlVerdicts.failIf(problems, total));
    }

}
