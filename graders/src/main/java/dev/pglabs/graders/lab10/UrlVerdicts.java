package dev.pglabs.graders.lab10;

import dev.pglabs.graders.lab10.StudentDb.Outcome;
import dev.pglabs.graders.lab10.StudentDb.Settings;
import dev.pglabs.worker.Thrown;
import org.opentest4j.AssertionFailedError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.pglabs.graders.lab10.Environments.describe;

/**
 * Exercise 1: the student's {@code DatabaseUrl.parse} on a table of URLs ({@link UrlCases}), each compared with the
 * expected JDBC URL and properties, or for a malformed URL with the exception the README asks for.
 */
final class UrlVerdicts {

    private static final int SHOWN = 6;

    private UrlVerdicts() {
    }

    static void assertValid(StudentDb student, List<UrlCases.Valid> cases) {
        failIf(validProblems(student, cases), cases.size());
    }

    static void assertMalformed(StudentDb student, List<UrlCases.Malformed> cases) {
        failIf(malformedProblems(student, cases), cases.size());
    }

    static void failIf(List<String> problems, int total) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("DatabaseUrl.parse got " + problems.size() + " of " + total
                + " URLs wrong (the passwords are made up for the test):");
        problems.stream().limit(SHOWN).forEach(p -> out.append("\n\n").append(p));
        if (problems.size() > SHOWN) {
            out.append("\n\n… and ").append(problems.size() - SHOWN).append(" more.");
        }
        throw new AssertionFailedError(out.toString());
    }

    static List<String> validProblems(StudentDb student, List<UrlCases.Valid> cases) {
        List<String> problems = new ArrayList<>();
        for (UrlCases.Valid c : cases) {
            Outcome<Settings> got = student.parse(c.url());
            String expected = c.jdbcUrl() + "  " + c.properties();
            if (got.threw()) {
                problems.add(block(c.url(), expected, "threw " + describe(got.thrown())));
                continue;
            }
            Settings s = got.value();
            if (!c.jdbcUrl().equals(s.jdbcUrl()) || !c.properties().equals(s.properties())) {
                String note;
                String password = c.properties().get("password");
                if (password != null && s.jdbcUrl() != null && s.jdbcUrl().contains(password)) {
                    note = "\n  note        the JDBC URL holds the password: keep it in the properties only.";
                } else if (!c.jdbcUrl().equals(s.jdbcUrl())) {
                    note = "\n  note        the JDBC URL differs.";
                } else {
                    note = "\n  note        the properties differ.";
                }
                problems.add(block(c.url(), expected, s.jdbcUrl() + "  " + s.properties()) + note);
            }
        }
        return problems;
    }

    static List<String> malformedProblems(StudentDb student, List<UrlCases.Malformed> cases) {
        List<String> problems = new ArrayList<>();
        for (UrlCases.Malformed c : cases) {
            Outcome<Settings> got = student.parse(c.url());
            Set<String> secrets = new HashSet<>(List.of(c.secret(), decodedOrSame(c.secret())));
            String url = c.url() == null ? "null" : c.url().isEmpty() ? "\"\" (empty)" : c.url();
            String head = "DATABASE_URL  " + url + "\n  problem     " + c.problem();
            if (!got.threw()) {
                problems.add(head + "\n  yours       returned " + got.value().jdbcUrl() + "  "
                        + Secrecy.scrub(got.value().properties().toString(), secrets)
                        + "\n  expected    an IllegalArgumentException");
                continue;
            }
            Thrown t = got.thrown();
            String message = String.valueOf(t.message());
            if (!t.is(IllegalArgumentException.class)) {
                problems.add(head + "\n  yours       threw " + Secrecy.scrub(describe(t), secrets)
                        + "\n  expected    an IllegalArgumentException (check the input yourself before it breaks "
                        + "something else)");
            } else if (Secrecy.contains(message, secrets)) {
                problems.add(head + "\n  yours       threw " + Secrecy.scrub(describe(t), secrets)
                        + "\n  expected    a message without the password (it is masked here; your message shows it)");
            } else if (c.words().stream().noneMatch(w -> message.toLowerCase(Locale.ROOT)
                    .contains(w.toLowerCase(Locale.ROOT)))) {
                problems.add(head + "\n  yours       threw " + describe(t)
                        + "\n  expected    a message that names the problem, with one of: " + String.join(", ", c.words()));
            }
        }
        return problems;
    }

    private static String block(String url, String expected, String actual) {
        return "DATABASE_URL  " + url + "\n  expected    " + expected + "\n  yours       " + actual;
    }

    private static String decodedOrSame(String secret) {
        try {
            return URLDecoder.decode(secret.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return secret;
        }
    }
}
