package dev.pglabs.graders.lab09;

import dev.pglabs.graders.lab09.BadInputs.Caller;
import dev.pglabs.graders.lab09.BadInputs.InvalidPost;
import dev.pglabs.graders.lab09.BadInputs.Paging;
import dev.pglabs.graders.lab09.BlogData.PostRow;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;
import dev.pglabs.grading.Problems;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.worker.StudentJvm;
import org.junit.jupiter.api.DisplayName;

import java.util.ArrayList;
import java.util.List;

import static dev.pglabs.graders.lab09.ErrorAnswers.assertError;
import static dev.pglabs.graders.lab09.ErrorAnswers.assertFields;
import static dev.pglabs.graders.lab09.PostAnswers.assertDetail;
import static dev.pglabs.graders.lab09.PostAnswers.assertPage;
import static dev.pglabs.graders.lab09.Stored.assertSameRow;
import static dev.pglabs.graders.lab09.Stored.assertUnchanged;
import static dev.pglabs.graders.lab09.StudentApi.during;

/**
 * Grades lab 09 (a JSON HTTP API over the blog, the Java counterpart of Next.js API routes). The submission is
 * compiled once with Ebean's query beans and enhancement ({@code @Grader(ebean = true)}) in the grader, which only
 * reads class files. All of the student's code runs in the worker ({@link StudentJvm}, the {@code sandboxed}
 * package): each check starts Ebean there on a fresh copy of the blog database, connected as the check's
 * unprivileged role, and the student's {@code BlogApi} on a Javalin server on the sandbox's loopback
 * ({@link StudentApi}, stopped when the check ends); the grader speaks HTTP to it through the port the worker
 * exposes. Expected answers come from the data ({@link BlogData}); what the API changed is read back from the
 * database, not from its answers. Malformed and hostile inputs ({@link BadInputs}) go next to the valid ones.
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
    void e01a_listPosts(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> assertPage(api.get("/api/posts").expect("the list of posts", 200),
                data, 1, 10));
    }

    @Check(id = "01-list-paging", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Page p of size n skips the rows of the pages before it. Let the query do the slicing, and the "
                    + "total comes from the same query. A page after the last one is empty, not an error.")
    @DisplayName("01 GET /api/posts?page=…&limit=… answers the right slice, also the last and an empty page")
    void e01b_listPaging(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            int lastPage = (data.publishedCount() + 6) / 7;
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
    void e01c_listBadPaging(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            for (Paging bad : BadInputs.PAGING) {
                assertFields(api.get("/api/posts?" + bad.query()).expect(bad.why() + ": answer 400 and let the client "
                        + "fix it, do not quietly use another value", 400), bad.field());
            }
        });
    }

    // ---- exercise 2: GET /api/posts/{id} ----------------------------------------------------------------

    @Check(id = "02-get-post", points = 2, hiddenOn = HIDDEN_DATA,
            hint = "Fetch the post with its author, tags and comments (and their authors) and map it to PostDetail: "
                    + "tags sorted A to Z, comments oldest first (then by id), a post without comments has \"comments\": [].")
    @DisplayName("02 GET /api/posts/{id} answers the post with its author, tags and comments in order")
    void e02a_getPost(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            List<Integer> ids = new ArrayList<>(List.of(data.richestPublishedPost()));
            int quiet = data.publishedPostWithoutComments();
            if (quiet > 0) {
                ids.add(quiet);
            }
            for (int id : ids) {
                assertDetail(api.get("/api/posts/" + id).expect("post " + id + " exists and is published", 200), data, id);
            }
        });
    }

    @Check(id = "02-get-not-found",
            hint = "When no post has the id, the answer is a 404 with an error body, through the ApiException "
                    + "helpers, not a null body. An id that is not a number is no post either.")
    @DisplayName("02 GET /api/posts/{id} answers 404 with an error body for a post that does not exist")
    void e02b_getNotFound(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            int missing = data.missingPost();
            assertError(api.get("/api/posts/" + missing).expect("there is no post " + missing, 404));
            for (String id : BadInputs.POST_IDS) {
                assertError(api.get("/api/posts/" + id).expect("\"" + id + "\" is not the id of any post", 404, 400));
            }
        });
    }

    @Check(id = "02-drafts-private", guards = "drafts against readers who are not their author",
            hint = "A post that is not published exists only for its author: who is asking (the caller header)? A "
                    + "403 would tell strangers that the draft exists.")
    @DisplayName("02 GET /api/posts/{id} of a draft answers 404, except to its author")
    void e02c_draftsPrivate(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            int draft = data.someDraft();
            PostRow row = data.post(draft);
            int stranger = data.otherUser(row.userId());
            api.get("/api/posts/" + draft).expect("post " + draft + " is a draft and the request names no user", 404);
            api.get("/api/posts/" + draft, CALLER, String.valueOf(stranger))
                    .expect("post " + draft + " is a draft of user " + row.userId() + ", not of user " + stranger, 404);
            Caller lookalike = BadInputs.lookalike(row.userId());
            api.get("/api/posts/" + draft, CALLER, lookalike.header()).expect(lookalike.why(), 404);
            int archived = data.someArchived();
            api.get("/api/posts/" + archived, CALLER, String.valueOf(data.otherUser(data.post(archived).userId())))
                    .expect("post " + archived + " is archived (not published) and the caller did not write it", 404);
            Reply own = api.get("/api/posts/" + draft, CALLER, String.valueOf(row.userId()))
                    .expect("user " + row.userId() + " wrote draft " + draft + " and may read it", 200);
            assertDetail(own, data, draft);
        });
    }

    // ---- exercise 3: POST /api/posts ---------------------------------------------------------------------

    @Check(id = "03-caller-required", guards = "writes against callers who are not a known user",
            hint = "Who is calling? The caller header must be a positive whole number naming an existing user; check "
                    + "it before anything else (also before the body) and answer 401 otherwise.")
    @DisplayName("03 POST /api/posts answers 401 without a valid X-User-Id, and creates nothing")
    void e03a_callerRequired(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            int before = data.count("posts");
            String post = "{\"title\": \"Who am I?\", \"body\": \"Nobody knows.\"}";
            api.post("/api/posts", post).expect("the request says nothing about who is calling", 401);
            api.post("/api/posts", "{}").expect("the request says nothing about who is calling, which decides "
                    + "before the body (401, then 400)", 401);
            for (Caller bad : BadInputs.callers(data.otherUser(0), data.missingUser())) {
                api.post("/api/posts", post, CALLER, bad.header()).expect(bad.why(), 401);
            }
            assertUnchanged(data.count("posts"), before, "posts", "requests without a valid caller");
        });
    }

    @Check(id = "03-create-post", points = 2,
            hint = "A created resource answers 201 and says where it lives (a Location header), and the body shows "
                    + "it. Who is the author, and what is the status when the body does not say?")
    @DisplayName("03 POST /api/posts creates the caller's post: 201, a Location header, and the row in the database")
    void e03b_createPost(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            int caller = data.someDraft() > 0 ? data.post(data.someDraft()).userId() : data.otherUser(0);
            String title = "Notes from lab 09 by user " + caller;
            PostAnswers.assertCreated(api.post("/api/posts", "{\"title\": \"" + title + "\", \"body\": \"Routes, "
                    + "status codes and JSON.\"}", CALLER, String.valueOf(caller)).expect("a valid post was sent", 201),
                    data, caller, title, "draft");
            PostAnswers.assertCreated(api.post("/api/posts", "{\"title\": \"Published at once\", \"body\": \"Hello.\", "
                    + "\"status\": \"published\"}", CALLER, String.valueOf(caller)).expect("a valid post was sent", 201),
                    data, caller, "Published at once", "published");
            api.post("/api/posts", "{\"title\": \"" + "T".repeat(200) + "\", \"body\": \"" + "B".repeat(10_000) + "\"}",
                    CALLER, String.valueOf(caller)).expect("a title of 200 characters and a body of 10 000 are "
                    + "allowed (at most 200 and at most 10 000)", 201);
        });
    }

    @Check(id = "03-create-validation", points = 2,
            hint = "Check every field and collect all problems before answering, so the client learns about all of "
                    + "them in one 400. A body that is not JSON is a 400 as well, not a 500.")
    @DisplayName("03 POST /api/posts rejects invalid posts with 400 naming each wrong field, and saves nothing")
    void e03c_createValidation(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            int before = data.count("posts");
            for (InvalidPost bad : BadInputs.POSTS) {
                assertFields(api.post("/api/posts", bad.json(), CALLER, String.valueOf(data.otherUser(0)))
                        .expect(bad.why(), 400), bad.fields().toArray(String[]::new));
            }
            assertUnchanged(data.count("posts"), before, "posts", "invalid posts");
        });
    }

    // ---- exercise 4: PATCH /api/posts/{id} ---------------------------------------------------------------

    @Check(id = "04-update-post", points = 2,
            hint = "PATCH changes only the fields the body has: a missing field is not a field set to nothing. "
                    + "Validate what is sent as for POST, then save and answer the post.")
    @DisplayName("04 PATCH /api/posts/{id} changes only the fields sent, validates them, and answers 404 for no post")
    void e04a_updatePost(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            int id = data.someDraft();
            PostRow before = data.post(id);
            String owner = String.valueOf(before.userId());
            Reply reply = api.patch("/api/posts/" + id, "{\"title\": \"A better title\"}", CALLER, owner)
                    .expect("user " + owner + " changes the title of their own post " + id, 200);
            PostRow after = data.post(id);
            Problems problems = new Problems();
            Same.value(problems, "the title in the database", after.title(), "A better title");
            Same.value(problems, "the body in the database (not sent, so unchanged)", after.body(), before.body());
            Same.value(problems, "the status in the database (not sent, so unchanged)", after.status(), before.status());
            Same.value(problems, "\"title\" in the answer", reply.object("the changed post").path("title").asText(null),
                    "A better title");
            reply.failIfAny(problems);
            Reply publish = api.patch("/api/posts/" + id, "{\"status\": \"published\"}", CALLER, owner)
                    .expect("the author publishes their draft", 200);
            PostRow published = data.post(id);
            if (!"published".equals(published.status()) || published.publishedAt() == null) {
                throw publish.failure("the row is now " + published.status() + " with published_at "
                        + published.publishedAt() + "; publishing sets status published and a published_at.");
            }
            Reply invalid = api.patch("/api/posts/" + id, "{\"title\": \" \"}", CALLER, owner)
                    .expect("a blank title is not allowed when updating either", 400);
            assertFields(invalid, "title");
            invalid.failIfAny(Same.value(new Problems(), "the title after a rejected update", data.post(id).title(),
                    "A better title"));
            int missing = data.missingPost();
            assertError(api.patch("/api/posts/" + missing, "{\"title\": \"Hello\"}", CALLER, owner)
                    .expect("there is no post " + missing, 404));
        });
    }

    @Check(id = "04-update-ownership", points = 2,
            guards = "posts against changes by users who do not own them",
            hint = "Order the checks: who is calling (401), is there a post (404), is it theirs (403), is the body "
                    + "valid (400); change nothing until all pass.")
    @DisplayName("04 PATCH /api/posts/{id} of someone else's post answers 403 (401 without a caller) and changes nothing")
    void e04b_updateOwnership(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            int id = data.richestPublishedPost();
            PostRow before = data.post(id);
            String stranger = String.valueOf(data.otherUser(before.userId()));
            String theirs = "post " + id + " belongs to user " + before.userId() + ", not to user " + stranger;
            api.patch("/api/posts/" + id, "{\"title\": \"Hijacked\"}", CALLER, stranger).expect(theirs, 403);
            api.patch("/api/posts/" + id, BadInputs.BLANK_TITLE, CALLER, stranger)
                    .expect(theirs + ", which decides before the body is looked at (403 before 400)", 403);
            assertSameRow(data, before, "user " + stranger + " tried to change post " + id);
            api.patch("/api/posts/" + id, "{\"title\": \"Hijacked\"}")
                    .expect("the request says nothing about who is calling", 401);
            Caller lookalike = BadInputs.lookalike(before.userId());
            api.patch("/api/posts/" + id, "{\"title\": \"Hijacked\"}", CALLER, lookalike.header())
                    .expect(lookalike.why(), 401);
            assertSameRow(data, before, "a request without a valid caller tried to change post " + id);
            int missing = data.missingPost();
            api.patch("/api/posts/" + missing, BadInputs.BLANK_TITLE).expect("the request says nothing about who is "
                    + "calling, which decides first (401 before 404 and 400)", 401);
            api.patch("/api/posts/" + missing, BadInputs.BLANK_TITLE, CALLER, stranger)
                    .expect("there is no post " + missing + ", which decides before the body (404 before 400)", 404);
        });
    }

    // ---- exercise 5: DELETE /api/posts/{id} --------------------------------------------------------------

    @Check(id = "05-delete-post",
            hint = "Deleting answers 204 with no body; what happens to the post's comments? Afterwards a GET of the "
                    + "post is a 404.")
    @DisplayName("05 DELETE /api/posts/{id} deletes the caller's own post with its comments: 204, then 404")
    void e05a_deletePost(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            int id = data.commentedPost();
            String owner = String.valueOf(data.post(id).userId());
            Reply reply = api.delete("/api/posts/" + id, CALLER, owner)
                    .expect("user " + owner + " deletes their own post " + id, 204);
            if (data.post(id) != null) {
                throw reply.failure("post " + id + " is still in the posts table.");
            }
            if (data.commentsOf(id) != 0) {
                throw reply.failure("the comments of post " + id + " are still in the comments table.");
            }
            api.delete("/api/posts/" + id, CALLER, owner).expect("post " + id + " was deleted already", 404);
            api.get("/api/posts/" + id).expect("post " + id + " was deleted", 404);
        });
    }

    @Check(id = "05-delete-ownership", guards = "posts against deletion by users who do not own them",
            hint = "The same order as for PATCH: 401 without a valid caller, 404 without the post, 403 when the post "
                    + "belongs to someone else; only then delete.")
    @DisplayName("05 DELETE /api/posts/{id} of someone else's post answers 403 (401 without a caller) and deletes nothing")
    void e05b_deleteOwnership(CompiledSubmission code, StudentJvm jvm, CheckDatabase db, LabFiles files) {
        during(code, jvm, db, files, (api, data) -> {
            int id = data.commentedPost();
            PostRow before = data.post(id);
            int stranger = data.otherUser(before.userId());
            api.delete("/api/posts/" + id, CALLER, String.valueOf(stranger))
                    .expect("post " + id + " belongs to user " + before.userId() + ", not to user " + stranger, 403);
            assertSameRow(data, before, "user " + stranger + " tried to delete post " + id);
            api.delete("/api/posts/" + id).expect("the request says nothing about who is calling", 401);
            Caller lookalike = BadInputs.lookalike(before.userId());
            api.delete("/api/posts/" + id, CALLER, lookalike.header()).expect(lookalike.why(), 401);
            assertSameRow(data, before, "a request without a valid caller tried to delete post " + id);
            api.delete("/api/posts/" + data.missingPost()).expect("the request says nothing about who is calling, "
                    + "which decides before looking for the post (401 before 404)", 401);
        });
    }
}
