package dev.pglabs.graders.lab09;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** What an error answer must carry: an {@code ApiError} body, and for validation "fields" naming each wrong one. */
final class ErrorAnswers {

    private ErrorAnswers() {
    }

    /** An ApiError whose "fields" name each of {@code names} (none: only the error is asked for). */
    static void assertFields(Reply reply, String... names) {
        JsonNode fields = assertError(reply).path("fields");
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!fields.has(name) || fields.path(name).asText("").isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw reply.failure("its \"fields\" should name " + String.join(" and ", missing) + " with what is wrong, "
                    + "e.g. {\"error\": \"…\", \"fields\": {\"" + missing.get(0) + "\": \"…\"}}. Collect every problem "
                    + "before answering, so the client can fix them all at once.");
        }
    }

    static JsonNode assertError(Reply reply) {
        JsonNode json = reply.json();
        if (json == null || !json.isObject() || !json.path("error").isTextual() || json.path("error").asText().isBlank()) {
            throw reply.failure("an error answer needs a JSON body {\"error\": \"what went wrong\"} (an ApiError), so "
                    + "the client can show why.");
        }
        return json;
    }
}
