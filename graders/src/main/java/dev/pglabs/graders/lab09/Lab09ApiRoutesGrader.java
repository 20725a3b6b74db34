package dev.pglabs.graders.lab09;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pglabs.graders.lab09.BlogData.CommentRow;
import dev.pglabs.graders.lab09.BlogData.PostRow;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.worker.StudentJvm;
import org.junit.jupiter.api.DisplayName;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Grades lab 09 (a JSON HTTP API over the blog, the Java counterpart of Next.js API routes). The submission is
 * compiled once with Ebean's query beans and enhancement ({@code @Grader(ebean = true)}) in the grader, which only
 * reads class files. All of the student's code runs in the worker ({@link StudentJvm}, the {@code sandboxed}
 * package): each check starts Ebean there on a fresh copy of the blog database, connected as the check's
 * unprivileged role, and the student's {@code BlogApi} on a Javalin server on the sandbox's loopback
 * ({@link StudentApi}, stopped when the check ends); the grader speaks HTTP to it through the port the worker
 * exposes. Expected answers come from the data ({@link BlogData});
 * what the API changed is read back from the database, not from its answers.
 */
@Grader(lab = "09-api-routes", ebean = true)
@DisplayName("Lab 09 · API routes")
class Lab09ApiRoutesGrader {

    static final String HIDDEN_DATA = "hidden";
    static final String CALLER = "X-User-Id";

    // ---- exercise 1: GET /api/posts ----------------------------------------------------------------------

    @Check(id = "01-list-posts", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Which posts, in which order, and how many? The response body is a page object, not a bare list. "
                    + "A query bean of lab 08 does the selection.")
    @DisplayName("01 GET /api/posts answers the 10 newest published posts, with page, limit and total")
    void e01_list(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            Reply reply = api.get("/api/posts").expect("the list of posts", 200);
            assertPage(reply, data, 1, 10);
        });
    }

    @Check(id = "01-list-paging", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Page p of size n skips the rows of the pages before it. Let the query do the slicing, and the "
                    + "total comes from the same query. A page after the last one is empty, not an error.")
    @DisplayName("01 GET /api/posts?page=…&limit=… answers the right slice, also the last and an empty page")
    void e02_paging(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            int total = data.publishedCount();
            int lastPage = (total + 6) / 7;
            assertPage(api.get("/api/posts?page=2&limit=5").expect("page 2 of 5 posts", 200), data, 2, 5);
            assertPage(api.get("/api/posts?limit=7&page=" + lastPage).expect("the last page", 200), data, lastPage, 7);
            assertPage(api.get("/api/posts?page=" + (lastPage + 3) + "&limit=7")
                    .expect("a page after the last one is empty, not an error", 200), data, lastPage + 3, 7);
            assertPage(api.get("/api/posts?limit=50").expect("the first 50 posts", 200), data, 1, 50);
        });
    }

    @Check(id = "01-list-bad-paging",
            hint = "Read the parameters yourself and check them before querying: a number that is not a number, a "
                    + "page below 1, a limit outside the allowed range. The error body names the parameter, and "
                    + "parsing \"ten\" must not become a 500.")
    @DisplayName("01 GET /api/posts rejects a bad page or limit with 400 and names the parameter (never 500, never all posts)")
    void e03_badPaging(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            String[][] cases = {
                {"/api/posts?limit=1000", "limit", "a client may not ask for more than 50 posts at once"},
                {"/api/posts?limit=51", "limit", "the largest limit is 50"},
                {"/api/posts?limit=0", "limit", "a page of 0 posts makes no sense"},
                {"/api/posts?limit=ten", "limit", "ten is not a number"},
                {"/api/posts?page=0", "page", "pages count from 1"},
                {"/api/posts?page=-2", "page", "pages count from 1"},
                {"/api/posts?page=1.5", "page", "a page is a whole number"},
            };
            for (String[] c : cases) {
                Reply reply = api.get(c[0]).expect(c[2], 400);
                assertFields(reply, c[1]);
            }
        });
    }

    // ---- exercise 2: GET /api/posts/{id} ----------------------------------------------------------------

    @Check(id = "02-get-post", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Fetch the post with its author, tags and comments (and their authors) and map it to PostDetail: "
                    + "tags sorted A to Z, comments oldest first (then by id), a post without comments has \"comments\": [].")
    @DisplayName("02 GET /api/posts/{id} answers the post with its author, tags and comments in order")
    void e04_getPost(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            List<Integer> ids = new ArrayList<>(List.of(data.richestPublishedPost()));
            int quiet = data.publishedPostWithoutComments();
            if (quiet > 0) {
                ids.add(quiet);
            }
            for (int id : ids) {
                Reply reply = api.get("/api/posts/" + id).expect("post " + id + " exists and is published", 200);
                assertDetail(reply, data, id);
            }
        });
    }

    @Check(id = "02-get-not-found",
            hint = "When no post has the id, the answer is a 404 with an error body, through the ApiException "
                    + "helpers, not a null body. An id that is not a number is no post either.")
    @DisplayName("02 GET /api/posts/{id} answers 404 with an error body for a post that does not exist")
    void e05_notFound(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            int missing = data.missingPost();
            Reply reply = api.get("/api/posts/" + missing).expect("there is no post " + missing, 404);
            assertError(reply);
            reply = api.get("/api/posts/first").expect("\"first\" is not the id of any post", 404, 400);
            assertError(reply);
        });
    }

    @Check(id = "02-drafts-private",
            hint = "A post that is not published exists only for its author: who is asking (the caller header)? A "
                    + "403 would tell strangers that the draft exists.")
    @DisplayName("02 GET /api/posts/{id} of a draft answers 404, except to its author")
    void e06_drafts(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            int draft = data.someDraft();
            PostRow row = data.post(draft);
            int stranger = data.otherUser(row.userId());
            api.get("/api/posts/" + draft).expect("post " + draft + " is a draft and the request names no user", 404);
            api.get("/api/posts/" + draft, CALLER, String.valueOf(stranger))
                    .expect("post " + draft + " is a draft of user " + row.userId() + ", not of user " + stranger, 404);
            Reply own = api.get("/api/posts/" + draft, CALLER, String.valueOf(row.userId()))
                    .expect("user " + row.userId() + " wrote draft " + draft + " and may read it", 200);
            assertDetail(own, data, draft);
        });
    }

    // ---- exercise 3: POST /api/posts ---------------------------------------------------------------------

    @Check(id = "03-caller-required",
            hint = "Who is calling? The caller header must name an existing user; check it before anything else and "
                    + "answer 401 otherwise.")
    @DisplayName("03 POST /api/posts answers 401 without a valid X-User-Id, and creates nothing")
    void e07_callerRequired(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            int before = data.count("posts");
            String post = "{\"title\": \"Who am I?\", \"body\": \"Nobody knows.\"}";
            api.post("/api/posts", post).expect("the request says nothing about who is calling", 401);
            api.post("/api/posts", post, CALLER, "admin").expect("\"admin\" is not a user id", 401);
            int ghost = data.missingUser();
            api.post("/api/posts", post, CALLER, String.valueOf(ghost)).expect("there is no user " + ghost, 401);
            assertUnchanged(data.count("posts"), before, "posts", "requests without a valid caller");
        });
    }

    @Check(id = "03-create-post", points = 2,
            hint = "A created resource answers 201 and says where it lives (a Location header), and the body shows "
                    + "it. Who is the author, and what is the status when the body does not say?")
    @DisplayName("03 POST /api/posts creates the caller's post: 201, a Location header, and the row in the database")
    void e08_create(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            int caller = data.someDraft() > 0 ? data.post(data.someDraft()).userId() : data.otherUser(0);
            String title = "Notes from lab 09 by user " + caller;
            Reply reply = api.post("/api/posts", "{\"title\": \"" + title + "\", \"body\": \"Routes, status codes and "
                    + "JSON.\"}", CALLER, String.valueOf(caller)).expect("a valid post was sent", 201);
            JsonNode json = reply.object("the new post");
            int id = json.path("id").asInt(-1);
            PostRow row = data.post(id);
            List<String> problems = new ArrayList<>();
            if (row == null) {
                throw fail(reply, "its \"id\" is " + json.path("id") + ", but the posts table has no such row.");
            }
            same(problems, "user_id (the author)", row.userId(), caller);
            same(problems, "title", row.title(), title);
            same(problems, "status", row.status(), "draft");
            same(problems, "published_at of a draft", row.publishedAt(), null);
            same(problems, "the Location header", reply.header("Location").orElse(null), "/api/posts/" + id);
            same(problems, "\"author\".\"id\" in the answer", json.path("author").path("id").asInt(-1), caller);
            same(problems, "\"comments\" in the answer", json.path("comments").toString(), "[]");
            Reply published = api.post("/api/posts", "{\"title\": \"Published at once\", \"body\": \"Hello.\", "
                    + "\"status\": \"published\"}", CALLER, String.valueOf(caller)).expect("a valid post was sent", 201);
            PostRow second = data.post(published.object("the new post").path("id").asInt(-1));
            if (second == null || !"published".equals(second.status()) || second.publishedAt() == null) {
                problems.add("With \"status\": \"published\" the row should be published with a published_at; it is "
                        + (second == null ? "missing" : second.status() + " with published_at " + second.publishedAt())
                        + ".");
            }
            if (!problems.isEmpty()) {
                throw fail(reply, String.join("\n- ", problems));
            }
        });
    }

    @Check(id = "03-create-validation", points = 2,
            hint = "Check every field and collect all problems before answering, so the client learns about all of "
                    + "them in one 400. A body that is not JSON is a 400 as well, not a 500.")
    @DisplayName("03 POST /api/posts rejects invalid posts with 400 naming each wrong field, and saves nothing")
    void e09_validation(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            int caller = data.otherUser(0);
            int before = data.count("posts");
            String longTitle = "x".repeat(201);
            Object[][] cases = {
                {"{}", "title and body are required", List.of("title", "body")},
                {"{\"title\": \"   \", \"body\": \"Text\"}", "a title of blanks is no title", List.of("title")},
                {"{\"title\": \"" + longTitle + "\", \"body\": \"Text\"}", "the title has 201 characters (at most 200)",
                        List.of("title")},
                {"{\"title\": \"Hi\", \"body\": \"\"}", "the body is empty", List.of("body")},
                {"{\"title\": \"Hi\", \"body\": \"Text\", \"status\": \"secret\"}", "\"secret\" is no status",
                        List.of("status")},
                {"{\"title\": \"Hi\", \"body\": \"Text\", \"status\": \"archived\"}", "a new post is a draft or published",
                        List.of("status")},
                {"{\"title\": \"Hi\", \"body\": ", "the body is not complete JSON", List.of()},
                {"[\"Hi\", \"Text\"]", "the body is a JSON array, not an object", List.of()},
                {"{\"title\": [\"Hi\"], \"body\": \"Text\"}", "the title is a list, not text", List.of()},
            };
            for (Object[] c : cases) {
                Reply reply = api.post("/api/posts", (String) c[0], CALLER, String.valueOf(caller))
                        .expect((String) c[1], 400);
                @SuppressWarnings("unchecked")
                List<String> fields = (List<String>) c[2];
                if (fields.isEmpty()) {
                    assertError(reply);
                } else {
                    assertFields(reply, fields.toArray(String[]::new));
                }
            }
            assertUnchanged(data.count("posts"), before, "posts", "invalid posts");
        });
    }

    // ---- exercise 4: PATCH /api/posts/{id} ---------------------------------------------------------------

    @Check(id = "04-update-post", points = 2,
            hint = "PATCH changes only the fields the body has: a missing field is not a field set to nothing. "
                    + "Validate what is sent as for POST, then save and answer the post.")
    @DisplayName("04 PATCH /api/posts/{id} changes only the fields sent, validates them, and answers 404 for no post")
    void e10_update(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            int id = data.someDraft();
            PostRow before = data.post(id);
            String owner = String.valueOf(before.userId());
            Reply reply = api.patch("/api/posts/" + id, "{\"title\": \"A better title\"}", CALLER, owner)
                    .expect("user " + owner + " changes the title of their own post " + id, 200);
            PostRow after = data.post(id);
            List<String> problems = new ArrayList<>();
            same(problems, "the title in the database", after.title(), "A better title");
            same(problems, "the body in the database (not sent, so unchanged)", after.body(), before.body());
            same(problems, "the status in the database (not sent, so unchanged)", after.status(), before.status());
            same(problems, "\"title\" in the answer", reply.object("the changed post").path("title").asText(null),
                    "A better title");
            if (!problems.isEmpty()) {
                throw fail(reply, String.join("\n- ", problems));
            }
            Reply publish = api.patch("/api/posts/" + id, "{\"status\": \"published\"}", CALLER, owner)
                    .expect("the author publishes their draft", 200);
            PostRow published = data.post(id);
            if (!"published".equals(published.status()) || published.publishedAt() == null) {
                throw fail(publish, "the row is now " + published.status() + " with published_at "
                        + published.publishedAt() + "; publishing sets status published and a published_at.");
            }
            Reply invalid = api.patch("/api/posts/" + id, "{\"title\": \" \"}", CALLER, owner)
                    .expect("a blank title is not allowed when updating either", 400);
            assertFields(invalid, "title");
            same(problems, "the title after a rejected update", data.post(id).title(), "A better title");
            if (!problems.isEmpty()) {
                throw fail(invalid, String.join("\n- ", problems));
            }
            int missing = data.missingPost();
            assertError(api.patch("/api/posts/" + missing, "{\"title\": \"Hello\"}", CALLER, owner)
                    .expect("there is no post " + missing, 404));
        });
    }

    @Check(id = "04-update-ownership", points = 2,
            hint = "Order the checks: who is calling (401), is there a post (404), is it theirs (403); change "
                    + "nothing until all pass.")
    @DisplayName("04 PATCH /api/posts/{id} of someone else's post answers 403 (401 without a caller) and changes nothing")
    void e11_updateOwnership(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            int id = data.richestPublishedPost();
            PostRow before = data.post(id);
            int stranger = data.otherUser(before.userId());
            api.patch("/api/posts/" + id, "{\"title\": \"Hijacked\"}", CALLER, String.valueOf(stranger))
                    .expect("post " + id + " belongs to user " + before.userId() + ", not to user " + stranger, 403);
            assertSameRow(data, before, "user " + stranger + " tried to change post " + id);
            api.patch("/api/posts/" + id, "{\"title\": \"Hijacked\"}")
                    .expect("the request says nothing about who is calling", 401);
            assertSameRow(data, before, "an anonymous request tried to change post " + id);
        });
    }

    // ---- exercise 5: DELETE /api/posts/{id} --------------------------------------------------------------

    @Check(id = "05-delete-post",
            hint = "Deleting answers 204 with no body; what happens to the post's comments? Afterwards a GET of the "
                    + "post is a 404.")
    @DisplayName("05 DELETE /api/posts/{id} deletes the caller's own post with its comments: 204, then 404")
    void e12_delete(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            int id = data.commentedPost();
            String owner = String.valueOf(data.post(id).userId());
            Reply reply = api.delete("/api/posts/" + id, CALLER, owner)
                    .expect("user " + owner + " deletes their own post " + id, 204);
            if (data.post(id) != null) {
                throw fail(reply, "post " + id + " is still in the posts table.");
            }
            if (data.commentsOf(id) != 0) {
                throw fail(reply, "the comments of post " + id + " are still in the comments table.");
            }
            api.delete("/api/posts/" + id, CALLER, owner).expect("post " + id + " was deleted already", 404);
            api.get("/api/posts/" + id).expect("post " + id + " was deleted", 404);
        });
    }

    @Check(id = "05-delete-ownership",
            hint = "The same order as for PATCH: 401 without a valid caller, 404 without the post, 403 when the post "
                    + "belongs to someone else; only then delete.")
    @DisplayName("05 DELETE /api/posts/{id} of someone else's post answers 403 (401 without a caller) and deletes nothing")
    void e13_deleteOwnership(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        withApi(code, jvm, db, files, (api, data) -> {
            int id = data.commentedPost();
            PostRow before = data.post(id);
            int stranger = data.otherUser(before.userId());
            api.delete("/api/posts/" + id, CALLER, String.valueOf(stranger))
                    .expect("post " + id + " belongs to user " + before.userId() + ", not to user " + stranger, 403);
            assertSameRow(data, before, "user " + stranger + " tried to delete post " + id);
            api.delete("/api/posts/" + id).expect("the request says nothing about who is calling", 401);
            assertSameRow(data, before, "an anonymous request tried to delete post " + id);
        });
    }

    // ---- running the student's API -----------------------------------------------------------------------

    private interface ApiCheck {
        void run(StudentApi api, BlogData data);
    }

    /** Starts the student's API on the check's database, runs the check, and always stops the server. */
    private static void withApi(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files,
                                ApiCheck check) {
        try (StudentApi api = StudentApi.start(jvm, code, db, files)) {
            check.run(api, new BlogData(db));
        }
    }

    // ---- what the answers must say -----------------------------------------------------------------------

    private static void assertPage(Reply reply, BlogData data, int page, int limit) {
        JsonNode json = reply.object("a page of posts");
        List<PostRow> expected = data.publishedPage((page - 1) * limit, limit);
        List<String> problems = new ArrayList<>();
        JsonNode items = json.path("items");
        if (!items.isArray()) {
            throw fail(reply, "it has no \"items\" list. Answer with a PostPage: {\"items\": [...], \"page\": …, "
                    + "\"limit\": …, \"total\": …}.");
        }
        List<Integer> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asInt(-1)));
        List<Integer> expectedIds = expected.stream().map(PostRow::id).toList();
        if (!ids.equals(expectedIds)) {
            problems.add(idProblem(ids, expectedIds, page, limit));
        } else {
            for (int i = 0; i < expected.size(); i++) {
                summaryProblems(problems, items.get(i), expected.get(i));
            }
        }
        same(problems, "\"page\"", json.path("page").asInt(-1), page);
        same(problems, "\"limit\"", json.path("limit").asInt(-1), limit);
        same(problems, "\"total\" (all published posts, not just this page)", json.path("total").asInt(-1),
                data.publishedCount());
        if (!problems.isEmpty()) {
            throw fail(reply, String.join("\n- ", problems.subList(0, Math.min(6, problems.size()))));
        }
    }

    private static String idProblem(List<Integer> ids, List<Integer> expected, int page, int limit) {
        String got = "the posts with ids " + shorten(ids) + " (" + ids.size() + " posts)";
        String want = "expected ids " + shorten(expected) + " (" + expected.size() + ")";
        if (ids.size() > limit) {
            return got + ", " + want + ": the page has more than limit=" + limit + " posts. Limit the query: setMaxRows(limit).";
        }
        if (ids.size() == expected.size() && ids.containsAll(expected)) {
            return got + ", " + want + ": the right posts in the wrong order. Newest published_at first, then higher id.";
        }
        if (page > 1 && !expected.isEmpty() && !ids.isEmpty() && ids.get(0) != expected.get(0).intValue()) {
            return got + ", " + want + ": page " + page + " starts at the wrong post. Page p begins after (p - 1) × limit posts.";
        }
        return got + ", " + want + ". Only published posts count, newest first.";
    }

    private static void summaryProblems(List<String> problems, JsonNode item, PostRow row) {
        String at = "post " + row.id() + ": ";
        same(problems, at + "\"title\"", item.path("title").asText(null), row.title());
        same(problems, at + "\"status\"", item.path("status").asText(null), row.status());
        same(problems, at + "\"views\"", item.path("views").asInt(-1), row.views());
        sameInstant(problems, at + "\"publishedAt\"", item.path("publishedAt"), row.publishedAt());
        same(problems, at + "\"author\".\"id\"", item.path("author").path("id").asInt(-1), row.author().id());
        same(problems, at + "\"author\".\"username\"", item.path("author").path("username").asText(null),
                row.author().username());
    }

    private static void assertDetail(Reply reply, BlogData data, int id) {
        JsonNode json = reply.object("post " + id);
        PostRow row = data.post(id);
        List<String> problems = new ArrayList<>();
        same(problems, "\"id\"", json.path("id").asInt(-1), id);
        summaryProblems(problems, json, row);
        same(problems, "\"body\"", json.path("body").asText(null), row.body());
        sameInstant(problems, "\"createdAt\"", json.path("createdAt"), row.createdAt());
        List<String> tags = new ArrayList<>();
        json.path("tags").forEach(t -> tags.add(t.asText()));
        same(problems, "\"tags\" (names, A to Z)", json.path("tags").isArray() ? tags : json.path("tags").toString(),
                data.tags(id));
        List<CommentRow> comments = data.comments(id);
        JsonNode got = json.path("comments");
        if (!got.isArray()) {
            problems.add("\"comments\" is " + got + ", expected a list of " + comments.size() + " comments"
                    + (comments.isEmpty() ? " (an empty list: [])" : "") + ".");
        } else {
            List<Integer> ids = new ArrayList<>();
            got.forEach(c -> ids.add(c.path("id").asInt(-1)));
            List<Integer> expectedIds = comments.stream().map(CommentRow::id).toList();
            if (!ids.equals(expectedIds)) {
                problems.add("\"comments\" has the comments " + shorten(ids) + ", expected " + shorten(expectedIds)
                        + (ids.size() == expectedIds.size() && ids.containsAll(expectedIds)
                        ? ": the right comments in the wrong order (oldest first, then by id)." : "."));
            } else {
                for (int i = 0; i < comments.size(); i++) {
                    CommentRow c = comments.get(i);
                    JsonNode g = got.get(i);
                    String at = "comment " + c.id() + ": ";
                    same(problems, at + "\"body\"", g.path("body").asText(null), c.body());
                    sameInstant(problems, at + "\"createdAt\"", g.path("createdAt"), c.createdAt());
                    same(problems, at + "\"author\".\"username\"", g.path("author").path("username").asText(null),
                            c.author().username());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw fail(reply, String.join("\n- ", problems.subList(0, Math.min(6, problems.size()))));
        }
    }

    /** A 400 (or other error) must carry {"error": "…"} and, for validation, "fields" naming each wrong one. */
    private static void assertFields(Reply reply, String... names) {
        JsonNode json = assertError(reply);
        JsonNode fields = json.path("fields");
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!fields.has(name) || fields.path(name).asText("").isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw fail(reply, "its \"fields\" should name " + String.join(" and ", missing) + " with what is wrong, e.g. "
                    + "{\"error\": \"…\", \"fields\": {\"" + missing.get(0) + "\": \"…\"}}. Collect every problem before "
                    + "answering, so the client can fix them all at once.");
        }
    }

    private static JsonNode assertError(Reply reply) {
        JsonNode json = reply.json();
        if (json == null || !json.isObject() || !json.path("error").isTextual() || json.path("error").asText().isBlank()) {
            throw fail(reply, "an error answer needs a JSON body {\"error\": \"what went wrong\"} (an ApiError), so the "
                    + "client can show why.");
        }
        return json;
    }

    private static void assertSameRow(BlogData data, PostRow before, String what) {
        PostRow after = data.post(before.id());
        if (after == null) {
            throw new CheckFailure(CheckStatus.FAILED, "The status code was right, but post " + before.id()
                    + " is gone from the database: " + what + " and your code deleted it anyway. Check the owner "
                    + "before changing anything.");
        }
        if (!after.equals(before)) {
            throw new CheckFailure(CheckStatus.FAILED, "The status code was right, but post " + before.id()
                    + " changed in the database (title '" + before.title() + "' → '" + after.title() + "'): " + what
                    + ". Check the owner before changing anything.");
        }
    }

    private static void assertUnchanged(int now, int before, String table, String what) {
        if (now != before) {
            throw new CheckFailure(CheckStatus.FAILED, "The status codes were right, but the " + table + " table went "
                    + "from " + before + " to " + now + " rows: " + what + " must not save anything. Validate before "
                    + "db.save(…).");
        }
    }

    private static void same(List<String> problems, String what, Object got, Object expected) {
        if (!Objects.equals(got, expected)) {
            problems.add(what + " is " + show(got) + ", expected " + show(expected) + ".");
        }
    }

    private static void sameInstant(List<String> problems, String what, JsonNode got, Instant expected) {
        Instant parsed = null;
        if (got.isTextual()) {
            try {
                parsed = Instant.parse(got.asText());
            } catch (DateTimeParseException e) {
                try {
                    parsed = java.time.OffsetDateTime.parse(got.asText()).toInstant();
                } catch (DateTimeParseException ignored) {
                    // stays null: reported below
                }
            }
        }
        if (expected == null ? !(got.isNull() || got.isMissingNode()) : !expected.equals(parsed)) {
            problems.add(what + " is " + got + ", expected " + (expected == null ? "null"
                    : "\"" + expected + "\" (ISO-8601 text in UTC, as Json.mapper() writes an Instant)") + ".");
        }
    }

    private static String show(Object value) {
        if (value instanceof String s) {
            return "\"" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "\"";
        }
        return String.valueOf(value);
    }

    private static String shorten(List<Integer> ids) {
        return ids.size() <= 12 ? ids.toString() : ids.subList(0, 12).toString().replace("]", ", …]");
    }

    static CheckFailure fail(Reply reply, String problems) {
        return new CheckFailure(CheckStatus.FAILED, reply.request() + "\nanswered " + reply.describe() + "\nbut:\n- "
                + problems);
    }
}
