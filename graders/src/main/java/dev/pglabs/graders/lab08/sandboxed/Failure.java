package dev.pglabs.graders.lab08.sandboxed;

import dev.pglabs.orm.EbeanErrors;
import dev.pglabs.results.CheckFailure;

import java.io.Serializable;

/**
 * An exception that ended a call or the grader's reading of its result, as data: the class, the message, Ebean's
 * cause chain in a few lines ({@link EbeanErrors#describe}), and for the harness's own verdicts raised in the worker
 * (a missing getter, a wrong return type) their status, so the grader keeps them as they were said.
 */
public record Failure(String type, String message, String described, String status) implements Serializable {

    private static final int MAX_MESSAGE = 4000;

    static Failure of(Throwable t) {
        String message = t.getMessage() == null ? null : cut(t.getMessage());
        String status = t instanceof CheckFailure f ? f.status().name() : null;
        return new Failure(t.getClass().getName(), message, EbeanErrors.describe(t), status);
    }

    private static String cut(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + " …";
    }
}
