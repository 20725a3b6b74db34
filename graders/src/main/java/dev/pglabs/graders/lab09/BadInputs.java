package dev.pglabs.graders.lab09;

import java.util.List;

/**
 * The malformed and hostile inputs the checks send next to valid ones: what a client with a bug, or an attacker,
 * puts where the API expects a number or a post. Each comes with why it is wrong, for the feedback.
 */
final class BadInputs {

    private BadInputs() {
    }

    /** A query string, the parameter its 400 must name, and why. */
    record Paging(String query, String field, String why) {
    }

    static final List<Paging> PAGING = List.of(
            new Paging("limit=1000", "limit", "a client may not ask for more than 50 posts at once"),
            new Paging("limit=51", "limit", "the largest limit is 50"),
            new Paging("limit=0", "limit", "a page of 0 posts makes no sense"),
            new Paging("limit=ten", "limit", "ten is not a number"),
            new Paging("limit=5%20OR%201%3D1", "limit", "\"5 OR 1=1\" is not a number"),
            new Paging("page=0", "page", "pages count from 1"),
            new Paging("page=-2", "page", "pages count from 1"),
            new Paging("page=1.5", "page", "a page is a whole number"));

    /** A POST body that must be refused, why, and the fields its 400 must name (none: no single field is to blame). */
    record InvalidPost(String json, String why, List<String> fields) {
    }

    static final List<InvalidPost> POSTS = List.of(
            new InvalidPost("{}", "title and body are required", List.of("title", "body")),
            new InvalidPost("{\"title\": \"   \", \"body\": \"Text\"}", "a title of blanks is no title", List.of("title")),
            new InvalidPost("{\"title\": \"" + "x".repeat(201) + "\", \"body\": \"Text\"}",
                    "the title has 201 characters (at most 200)", List.of("title")),
            new InvalidPost("{\"title\": \"Hi\", \"body\": \"\"}", "the body is empty", List.of("body")),
            new InvalidPost("{\"title\": \"Hi\", \"body\": \"" + "y".repeat(10_001) + "\"}",
                    "the body has 10 001 characters (at most 10 000)", List.of("body")),
            new InvalidPost("{\"title\": \"Hi\", \"body\": \"Text\", \"status\": \"secret\"}", "\"secret\" is no status",
                    List.of("status")),
            new InvalidPost("{\"title\": \"Hi\", \"body\": \"Text\", \"status\": \"archived\"}",
                    "a new post is a draft or published", List.of("status")),
            new InvalidPost("{\"title\": \"Hi\", \"body\": ", "the body is not complete JSON", List.of()),
            new InvalidPost("[\"Hi\", \"Text\"]", "the body is a JSON array, not an object", List.of()),
            new InvalidPost("{\"title\": [\"Hi\"], \"body\": \"Text\"}", "the title is a list, not text", List.of()));

    /** A body that would be refused with 400, for requests whose caller or post must decide first. */
    static final String BLANK_TITLE = "{\"title\": \"   \"}";

    /** An X-User-Id value and why it names no caller. */
    record Caller(String header, String why) {
    }

    /**
     * Values of X-User-Id that are not a positive whole number, around the id of a real user: a lookup that parses
     * leniently or builds SQL from the text (id = 3 OR 1=1, id = 3.0) finds a user in most of them.
     */
    static List<Caller> callers(int user, int ghost) {
        return List.of(
                new Caller("admin", "\"admin\" is not a user id"),
                new Caller(String.valueOf(ghost), "there is no user " + ghost),
                new Caller(ghost + " OR 1=1", "\"" + ghost + " OR 1=1\" is not a whole number (built into SQL, it "
                        + "would match every user)"),
                new Caller(user + ".0", "\"" + user + ".0\" is not a whole number"),
                new Caller("-" + user, "user ids are positive"),
                new Caller("0", "user ids are positive"),
                new Caller("99999999999999999999", "no user has an id that large (it does not fit an int or a long)"));
    }

    /** A value that names {@code owner} only for a lookup that does not insist on a whole number. */
    static Caller lookalike(int owner) {
        return new Caller(owner + ".0", "\"" + owner + ".0\" is not a whole number, so it names no caller");
    }

    /** Post ids in a path that name no post: 404, or 400 for text that is no id at all; never 500. */
    static final List<String> POST_IDS = List.of("first", "1%20OR%201%3D1", "-1", "99999999999999999999");
}
