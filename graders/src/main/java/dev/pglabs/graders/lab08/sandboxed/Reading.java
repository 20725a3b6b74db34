package dev.pglabs.graders.lab08.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import io.ebean.PagedList;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.pglabs.graders.lab08.sandboxed.Beans.get;
import static dev.pglabs.graders.lab08.sandboxed.Beans.normal;
import static dev.pglabs.graders.lab08.sandboxed.Beans.nullable;

/**
 * How the grader reads what a repository method returned, in the worker and within the call's statement recording
 * (the getters it calls may lazy-load). Each turns the student's entities into plain rows.
 */
public enum Reading {

    /** findByUsername: (id, firstName, profile.bio) of the user found, or null for an empty Optional. */
    USER_WITH_PROFILE {
        @Override
        Serializable read(Object result) {
            return optional(result, "findByUsername").map(u -> copy(Arrays.asList(normal(get(u, "id")),
                    normal(get(u, "firstName")), nullable(get(get(u, "profile"), "bio"))))).orElse(null);
        }
    },
    /** findByUsername: whether the Optional holds a user. */
    PRESENT {
        @Override
        Serializable read(Object result) {
            return optional(result, "findByUsername").isPresent();
        }
    },
    /** publishedWithTag: (id, title, author.username) of each post, in order. */
    POSTS_WITH_AUTHOR {
        @Override
        Serializable read(Object result) {
            ArrayList<Object> rows = new ArrayList<>();
            for (Object p : list(result, "publishedWithTag")) {
                rows.add(copy(List.of(normal(get(p, "id")), normal(get(p, "title")),
                        normal(get(get(p, "author"), "username")))));
            }
            return rows;
        }
    },
    /** postsWithDiscussion: (id, tags by name, "author: body" of each comment) of each post, in order. */
    DISCUSSION {
        @Override
        Serializable read(Object result) {
            ArrayList<Object> rows = new ArrayList<>();
            for (Object p : list(result, "postsWithDiscussion")) {
                String tags = String.join(", ", Beans.list(p, "tags").stream()
                        .map(t -> String.valueOf(get(t, "name"))).sorted().toList());
                String comments = String.join(" | ", Beans.list(p, "comments").stream()
                        .map(c -> get(get(c, "author"), "username") + ": " + get(c, "body")).toList());
                rows.add(copy(Arrays.asList(normal(get(p, "id")), tags, comments)));
            }
            return rows;
        }
    },
    /** publishedPage: (id, author.username) of each post of the page, then getTotalCount(). */
    PAGE {
        @Override
        Serializable read(Object result) {
            if (!(result instanceof PagedList<?> paged)) {
                throw new SubmissionProblem(CheckStatus.FAILED, "publishedPage must return the PagedList of "
                        + "findPagedList(); it returned " + (result == null ? "null" : result.getClass().getName()));
            }
            ArrayList<Object> rows = new ArrayList<>();
            for (Object p : paged.getList()) {
                rows.add(copy(Arrays.asList(normal(get(p, "id")), normal(get(get(p, "author"), "username")))));
            }
            rows.add(paged.getTotalCount());
            return rows;
        }
    },
    /** The id of the entity returned (createDraft, bookmark), or null. */
    ID {
        @Override
        Serializable read(Object result) {
            return result == null ? null : (Serializable) normal(get(result, "id"));
        }
    },
    /** Nothing: only whether the call threw, and what it sent. */
    NOTHING {
        @Override
        Serializable read(Object result) {
            return null;
        }
    };

    abstract Serializable read(Object result);

    private static ArrayList<Object> copy(List<Object> row) {
        return new ArrayList<>(row);
    }

    private static Optional<?> optional(Object result, String method) {
        if (result instanceof Optional<?> o) {
            return o;
        }
        throw new SubmissionProblem(CheckStatus.FAILED, method + " must return an Optional (findOneOrEmpty()); it "
                + "returned " + (result == null ? "null" : result.getClass().getName()) + ".");
    }

    private static List<?> list(Object result, String method) {
        if (result instanceof List<?> l) {
            return l;
        }
        throw new SubmissionProblem(CheckStatus.FAILED, method + " must return a List (findList()); it returned "
                + (result == null ? "null" : result.getClass().getName()) + ".");
    }
}
