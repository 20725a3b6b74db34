package dev.pglabs.graders.lab08;

import dev.pglabs.provisioning.CheckDatabase;

/**
 * The arguments of the query checks, read from the check's data rather than written here: the hidden run's rows
 * (blog/08-variant-hidden.sql) give another tag, user and page size than the visible ones, so an answer that
 * hard-codes the visible arguments, or copies the rows they return, fails there.
 */
final class Inputs {

    /** Pages of about a tenth of the published posts: ten pages or so, whatever the data. */
    private static final int PAGES = 10;

    private Inputs() {
    }

    /** The tag on the most published posts (ties by name): many posts, so the order and the ties matter. */
    static String tag(CheckDatabase db) {
        return (String) Reference.value(db, "SELECT t.name FROM tags t JOIN post_tags pt ON pt.tag_id = t.id JOIN "
                + "posts p ON p.id = pt.post_id WHERE p.status = 'published' GROUP BY t.id, t.name "
                + "ORDER BY count(*) DESC, t.name LIMIT 1");
    }

    /** The user with the most posts (ties by id): the most to fetch, so a query per post shows. */
    static String username(CheckDatabase db) {
        return (String) Reference.value(db, "SELECT u.username FROM users u JOIN posts p ON p.user_id = u.id "
                + "GROUP BY u.id, u.username ORDER BY count(*) DESC, u.id LIMIT 1");
    }

    static int pageSize(CheckDatabase db) {
        long published = ((Number) Reference.value(db, "SELECT count(*) FROM posts WHERE status = 'published'"))
                .longValue();
        return (int) Math.max(2, published / PAGES);
    }
}
