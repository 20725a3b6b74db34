package dev.pglabs.graders.lab08.sandboxed;

import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;
import io.ebean.Database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.pglabs.graders.lab08.sandboxed.Beans.get;
import static dev.pglabs.graders.lab08.sandboxed.Beans.normal;
import static dev.pglabs.graders.lab08.sandboxed.Beans.nullable;

/**
 * The mapping checks' reading: every row of a table through the student's entities (a query with Ebean, then the
 * getters), as plain rows for the grader to compare with the table. A failure of Ebean or of a getter comes back in
 * the outcome (the mapping does not match the tables); the value is a list of rows.
 *
 * @param sourceRoot where the student keeps the sources, for a missing class ("08-orm-ebean/src/main/java")
 */
public record ReadMapping(Handle blog, CodeRef code, Table table, String sourceRoot) implements StudentTask<Outcome> {

    /** What is read, and the entity classes it needs. */
    public enum Table {
        /** (id, username, email, firstName, lastName, city, profile.bio, profile.website, profile.birthDate). */
        USERS("blog.model.User"),
        /** (id, title, status, views, publishedAt, author.username, tags by name, number of comments). */
        POSTS("blog.model.Post", "blog.model.Comment"),
        /** (id, post.id, author.username, body). */
        COMMENTS("blog.model.Comment");

        final List<String> classes;

        Table(String... classes) {
            this.classes = List.of(classes);
        }
    }

    @Override
    public Outcome run(WorkerContext context) {
        Blog kept = context.kept(blog, Blog.class);
        List<Class<?>> classes = new ArrayList<>();
        for (String name : table.classes) {
            classes.add(Blog.load(context, code, name, sourceRoot));
        }
        Database db = kept.orm.database();
        ArrayList<Object> rows = new ArrayList<>();
        try {
            switch (table) {
                case USERS -> {
                    for (Object u : db.find(classes.get(0)).fetch("profile").orderBy("id").findList()) {
                        Object profile = get(u, "profile");
                        rows.add(new ArrayList<>(Arrays.asList(normal(get(u, "id")), normal(get(u, "username")),
                                normal(get(u, "email")), normal(get(u, "firstName")), nullable(get(u, "lastName")),
                                nullable(get(u, "city")), nullable(profile == null ? null : get(profile, "bio")),
                                nullable(profile == null ? null : get(profile, "website")),
                                nullable(profile == null ? null : normal(get(profile, "birthDate"))))));
                    }
                }
                case POSTS -> {
                    for (Object p : db.find(classes.get(0)).fetch("author").fetch("tags").orderBy("id").findList()) {
                        List<String> tags = Beans.list(p, "tags").stream().map(t -> String.valueOf(get(t, "name")))
                                .sorted().toList();
                        rows.add(new ArrayList<>(Arrays.asList(normal(get(p, "id")), normal(get(p, "title")),
                                normal(get(p, "status")), normal(get(p, "views")),
                                nullable(normal(get(p, "publishedAt"))),
                                normal(get(get(p, "author"), "username")), String.join(", ", tags),
                                (Object) (long) Beans.list(p, "comments").size())));
                    }
                }
                case COMMENTS -> {
                    for (Object c : db.find(classes.get(0)).fetch("author").orderBy("id").findList()) {
                        rows.add(new ArrayList<>(Arrays.asList(normal(get(c, "id")),
                                normal(get(get(c, "post"), "id")), normal(get(get(c, "author"), "username")),
                                normal(get(c, "body")))));
                    }
                }
            }
        } catch (RuntimeException e) {
            return new Outcome(null, Failure.of(e), List.of());
        }
        return new Outcome(rows, null, List.of());
    }
}
