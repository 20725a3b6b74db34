package dev.pglabs.graders.lab10;

import dev.pglabs.graders.lab10.sandboxed.IamRefresh;
import dev.pglabs.grading.Problems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Exercise 5's refresh: the grader asks the student's credentials provider for credentials at moments of a clock it
 * moves, as a pool does for each new connection; no token handed out may be 10 minutes old.
 */
final class IamRefreshReview {

    static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
    static final List<Integer> MINUTES = List.of(0, 3, 11, 14, 26);

    private IamRefreshReview() {
    }

    static Problems of(List<IamRefresh.Step> steps, IamTokens.Endpoint endpoint) {
        Problems problems = new Problems();
        for (IamRefresh.Step given : steps) {
            Instant now = START.plus(Duration.ofMinutes(given.minute()));
            String when = "At " + clock(given.minute()) + " (by the clock given)";
            problems.addIf(!endpoint.user().equals(given.username()),
                    when + " the user name is " + given.username() + ", expected " + endpoint.user() + ".");
            String password = given.password();
            problems.addIf(password == null || !password.startsWith(endpoint.host() + ":" + endpoint.port() + "/?")
                    || !password.contains("DBUser=" + endpoint.user()),
                    when + " the password is not an IAM token for " + endpoint + ".");
            Instant made = given.lastSigned();
            if (made == null) {
                problems.add(when + " no token had been signed with the credentials given to credentialsProvider.");
                break;
            }
            Duration age = Duration.between(made, now);
            if (age.compareTo(Duration.ofMinutes(10)) >= 0) {
                problems.add(when + " the pool got a token made at " + clock(Duration.between(START, made).toMinutes())
                        + ", " + age.toMinutes() + " minutes old. Tokens expire after 15 minutes, and a connection "
                        + "opened with an expired one is refused: make a new token once the last is 10 minutes old.");
                break;
            }
        }
        return problems;
    }

    private static String clock(long minutes) {
        return "12:" + String.format(Locale.ROOT, "%02d", minutes);
    }
}
