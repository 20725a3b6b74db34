package dev.pglabs.graders.lab09;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pglabs.graders.lab09.BlogData.CommentRow;
import dev.pglabs.graders.lab09.BlogData.PostRow;
import dev.pglabs.grading.Problems;

import java.util.ArrayList;
import java.util.List;

/** Compares a PostPage or PostDetail answer with the rows it should show, field by field. */
final class PostAnswers {

    private PostAnswers() {
    }

    static void assertPage(Reply reply, BlogData data, int page, int limit) {
        JsonNode json = reply.object("a page of posts");
        JsonNode items = json.path("items");
        if (!items.isArray()) {
            throw reply.failure("it has no \"items\" list. Answer with a PostPage: {\"items\": [...], \"page\": …, "
                    + "\"limit\": …, \"total\": …}.");
        }
        List<PostRow> expected = data.publishedPage((page - 1) * limit, limit);
        List<Integer> ids = ids(items);
        List<Integer> expectedIds = expected.stream().map(PostRow::id).toList();
        Problems problems = new Problems();
        if (!ids.equals(expectedIds)) {
            problems.add(idProblem(ids, expectedIds, page, limit));
        } else {
            for (int i = 0; i < expected.size(); i++) {
                summary(problems, items.get(i), expected.get(i));
            }
        }
        Same.value(problems, "\"page\"", json.path("page").asInt(-1), page);
        Same.value(problems, "\"limit\"", json.path("limit").asInt(-1), limit);
        Same.value(problems, "\"total\" (all published posts, not just this page)", json.path("total").asInt(-1),
                data.publishedCount());
        reply.failIfAny(problems);
    }

    /** Names the likely cause: no limit, no order (or no tie-breaker), a wrong first row, or the wrong posts. */
    private static String idProblem(List<Integer> ids, List<Integer> expected, int page, int limit) {
        String got = "the posts with ids " + Same.shorten(ids) + " (" + ids.size() + " posts)";
        String want = "expected ids " + Same.shorten(expected) + " (" + expected.size() + ")";
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

    private static void summary(Problems problems, JsonNode item, PostRow row) {
        String at = "post " + row.id() + ": ";
        Same.value(problems, at + "\"title\"", item.path("title").asText(null), row.title());
        Same.value(problems, at + "\"status\"", item.path("status").asText(null), row.status());
        Same.value(problems, at + "\"views\"", item.path("views").asInt(-1), row.views());
        Same.instant(problems, at + "\"publishedAt\"", item.path("publishedAt"), row.publishedAt());
        Same.value(problems, at + "\"author\".\"id\"", item.path("author").path("id").asInt(-1), row.author().id());
        Same.value(problems, at + "\"author\".\"username\"", item.path("author").path("username").asText(null),
                row.author().username());
    }

    static void assertDetail(Reply reply, BlogData data, int id) {
        JsonNode json = reply.object("post " + id);
        PostRow row = data.post(id);
        Problems problems = new Problems();
        Same.value(problems, "\"id\"", json.path("id").asInt(-1), id);
        summary(problems, json, row);
        Same.value(problems, "\"body\"", json.path("body").asText(null), row.body());
        Same.instant(problems, "\"createdAt\"", json.path("createdAt"), row.createdAt());
        List<String> tags = new ArrayList<>();
        json.path("tags").forEach(t -> tags.add(t.asText()));
        Same.value(problems, "\"tags\" (names, A to Z)", json.path("tags").isArray() ? tags : json.path("tags").toString(),
                data.tags(id));
        comments(problems, json.path("comments"), data.comments(id));
        reply.failIfAny(problems);
    }

    private static void comments(Problems problems, JsonNode got, List<CommentRow> comments) {
        if (!got.isArray()) {
            problems.add("\"comments\" is " + got + ", expected a list of " + comments.size() + " comments"
                    + (comments.isEmpty() ? " (an empty list: [])" : "") + ".");
            return;
        }
        List<Integer> ids = ids(got);
        List<Integer> expectedIds = comments.stream().map(CommentRow::id).toList();
        if (!ids.equals(expectedIds)) {
            problems.add("\"comments\" has the comments " + Same.shorten(ids) + ", expected " + Same.shorten(expectedIds)
                    + (ids.size() == expectedIds.size() && ids.containsAll(expectedIds)
                    ? ": the right comments in the wrong order (oldest first, then by id)." : "."));
            return;
        }
        for (int i = 0; i < comments.size(); i++) {
            CommentRow c = comments.get(i);
            JsonNode g = got.get(i);
            String at = "comment " + c.id() + ": ";
            Same.value(problems, at + "\"body\"", g.path("body").asText(null), c.body());
            Same.instant(problems, at + "\"createdAt\"", g.path("createdAt"), c.createdAt());
            Same.value(problems, at + "\"author\".\"username\"", g.path("author").path("username").asText(null),
                    c.author().username());
        }
    }

    /** A 201 answer to POST: the row it says it made, by the caller, as sent, and where the answer says it is. */
    static void assertCreated(Reply reply, BlogData data, int caller, String title, String status) {
        JsonNode json = reply.object("the new post");
        PostRow row = data.post(json.path("id").asInt(-1));
        if (row == null) {
            throw reply.failure("its \"id\" is " + json.path("id") + ", but the posts table has no such row.");
        }
        Problems problems = new Problems();
        Same.value(problems, "user_id (the author)", row.userId(), caller);
        Same.value(problems, "title", row.title(), title);
        Same.value(problems, "status", row.status(), status);
        problems.addIf(status.equals("draft") != (row.publishedAt() == null), "published_at is " + row.publishedAt()
                + ": a draft has none, a post published at once gets the time it was created.");
        Same.value(problems, "the Location header", reply.header("Location").orElse(null), "/api/posts/" + row.id());
        Same.value(problems, "\"author\".\"id\" in the answer", json.path("author").path("id").asInt(-1), caller);
        Same.value(problems, "\"comments\" in the answer", json.path("comments").toString(), "[]");
        reply.failIfAny(problems);
    }

    private static List<Integer> ids(JsonNode list) {
        List<Integer> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("id").asInt(-1)));
        return ids;
    }
}
