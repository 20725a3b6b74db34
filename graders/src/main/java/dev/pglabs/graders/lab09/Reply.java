package dev.pglabs.graders.lab09;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.grading.Problems;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.worker.Thrown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One answer of the student's server: the request as the student would type it with curl, the status, headers,
 * body, and a way to ask the worker what a handler threw while answering (null if nothing): asked only when the
 * status is not the expected one, right after the answer, before the next request.
 */
record Reply(String route, String request, int status, Map<String, List<String>> headers, byte[] bytes,
             boolean truncated, Supplier<Thrown> handlerThrew) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 300;

    String body() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    /** The body as JSON, or null when it is not JSON. */
    JsonNode json() {
        if (bytes.length == 0 || truncated) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Fails the check unless the status is one of {@code expected}: says what was sent, what came back and why
     * the expected status is right. A starter's TODO in the handler ends the check as "not implemented yet".
     */
    Reply expect(String why, int... expected) {
        for (int status : expected) {
            if (this.status == status) {
                return this;
            }
        }
        Thrown thrown = handlerThrew.get();
        if (thrown != null) {
            CheckFailure feedback = StudentJvm.feedback(thrown, "The handler of " + route);
            if (feedback.status() == CheckStatus.FAILED) {
                throw feedback;  // not implemented yet
            }
        }
        throw new CheckFailure(CheckStatus.FAILED, request + "\nanswered " + describe() + "\nbut expected "
                + statuses(expected) + ": " + why + exception(thrown));
    }

    /** The JSON object of a successful answer; fails the check when the body is not one. */
    JsonNode object(String what) {
        JsonNode json = json();
        if (json == null || !json.isObject()) {
            throw new CheckFailure(CheckStatus.FAILED, request + "\nanswered " + describe() + "\nbut " + what
                    + " must be a JSON object" + (header("Content-Type").map(t -> " (Content-Type was " + t + ")")
                    .orElse("")) + ". Answer with ctx.json(…).");
        }
        return json;
    }

    /** Fails the check with this answer and what is wrong with it. */
    CheckFailure failure(String problem) {
        return new CheckFailure(CheckStatus.FAILED, request + "\nanswered " + describe() + "\nbut:\n- " + problem);
    }

    /** Fails the check with this answer and everything wrong with it, when anything is. */
    void failIfAny(Problems problems) {
        problems.failIfAny(request + "\nanswered " + describe() + "\nbut:");
    }

    /** "404 Not Found with {"error": …}" for feedback, the body cut to a few hundred characters. */
    String describe() {
        String text = body().strip();
        String shown = text.isEmpty() ? "an empty body" : text.length() > SHOWN || truncated
                ? text.substring(0, Math.min(SHOWN, text.length())) + "… (cut)" : text;
        return status + " " + reason(status) + (text.isEmpty() ? " with an empty body" : " with " + shown);
    }

    /** What the student's handler threw while answering, as feedback lines (empty when nothing was thrown). */
    private String exception(Thrown thrown) {
        if (thrown == null) {
            return "";
        }
        return "\nWhile answering, " + StudentJvm.feedback(thrown, "the handler of " + route).getMessage();
    }

    static String statuses(int... statuses) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < statuses.length; i++) {
            out.append(i == 0 ? "" : i == statuses.length - 1 ? " or " : ", ").append(statuses[i]).append(' ')
                    .append(reason(statuses[i]));
        }
        return out.toString();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Server Error";
            default -> "";
        };
    }

    @Override
    public String toString() {
        return request + " → " + describe().toLowerCase(Locale.ROOT);
    }
}
