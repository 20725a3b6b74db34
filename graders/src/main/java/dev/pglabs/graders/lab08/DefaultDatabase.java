package dev.pglabs.graders.lab08;

import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;

import java.util.Locale;

/**
 * Recognises Ebean's complaint that there is no default database, wherever the student's code met it: in a method
 * the grader called, or in a static initialiser (then the worker reports the initialiser's error, and Ebean's
 * message is only one of its causes). Either way the feedback names that cause first and keeps the hint.
 */
final class DefaultDatabase {

    static final String HINT = "Use the Database the repository was given (new QPost(db), db.find(…)), not Ebean's "
            + "default database: DB.…() and new QPost() without db look for a default database that does not exist.";

    private DefaultDatabase() {
    }

    /** Whether this text (a message with its causes) holds Ebean's complaint. */
    static boolean named(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        // Ebean says "the default Database" (and "DefaultServer" in older versions).
        return lower.contains("default database") || lower.contains("defaultserver");
    }

    /** The failure with the cause named and the hint added, when Ebean's complaint is in it; else as it was. */
    static CheckFailure explained(CheckFailure failure) {
        String message = failure.getMessage();
        if (failure.status() == CheckStatus.PASSED || !named(message) || message.contains(HINT)) {
            return failure;
        }
        // The worker shows the initialiser's own exception: its frame <clinit> tells where it ran.
        boolean initializer = message.contains(".<clinit>(") || message.contains("ExceptionInInitializerError")
                || message.contains("Could not initialize class");
        String cause = "The cause: your code asked for Ebean's default database"
                + (initializer ? ", in code that runs when a class is initialised (a static field or a static block)"
                : "") + ".\n";
        return new CheckFailure(failure.status(), cause + message + "\n" + HINT, failure);
    }
}
