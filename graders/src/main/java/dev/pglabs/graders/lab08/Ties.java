package dev.pglabs.graders.lab08;

import dev.pglabs.provisioning.CheckDatabase;

/**
 * Rows the grader changes on the check's own database before a query check, so that the order the task names is
 * the only one that passes: the blog has no two posts published (or written) at the same moment, and its comments
 * were written in the order of their ids, so a query without the tie-breaker, or without any order, would pass on it.
 */
final class Ties {

    private Ties() {
    }

    /** The three newest published posts with the tag share one published_at: only the id tie-breaker orders them. */
    static void taggedPosts(CheckDatabase db, String tag) {
        Reference.execute(db, """
                WITH newest AS (
                    SELECT p.id, p.published_at FROM posts p JOIN post_tags pt ON pt.post_id = p.id
                    JOIN tags t ON t.id = pt.tag_id WHERE t.name = ? AND p.status = 'published'
                    ORDER BY p.published_at DESC, p.id DESC LIMIT 3)
                UPDATE posts SET published_at = (SELECT max(published_at) FROM newest)
                WHERE id IN (SELECT id FROM newest)""", tag);
    }

    /**
     * Published posts tie across the boundaries of the first two pages (the last two rows of a page and the first
     * two of the next; rows 6 to 9 and 13 to 16 of the order with pages of 7): without the tie-breaker a post can
     * move from one page to the next.
     */
    static void pages(CheckDatabase db, int size) {
        Reference.execute(db, """
                WITH ordered AS (
                    SELECT id, published_at, row_number() OVER (ORDER BY published_at DESC, id DESC) - 1 AS pos
                    FROM posts WHERE status = 'published'),
                grouped AS (
                    SELECT id, published_at, CASE WHEN pos BETWEEN ? - 2 AND ? + 1 THEN 1
                    WHEN pos BETWEEN 2 * ? - 2 AND 2 * ? + 1 THEN 2 END AS g FROM ordered),
                tied AS (
                    SELECT id, max(published_at) OVER (PARTITION BY g) AS at FROM grouped WHERE g IS NOT NULL)
                UPDATE posts p SET published_at = tied.at FROM tied WHERE p.id = tied.id""", size, size, size, size);
    }

    /**
     * The user's three newest posts share one created_at, and the comments of the user's most commented post were
     * written in the reverse order of their ids: posts need the tie-breaker, comments their own order.
     */
    static void discussion(CheckDatabase db, String username) {
        Reference.execute(db, """
                WITH newest AS (
                    SELECT p.id, p.created_at FROM posts p JOIN users u ON u.id = p.user_id WHERE u.username = ?
                    ORDER BY p.created_at DESC, p.id DESC LIMIT 3)
                UPDATE posts SET created_at = (SELECT min(created_at) FROM newest)
                WHERE id IN (SELECT id FROM newest)""", username);
        Reference.execute(db, """
                WITH target AS (
                    SELECT c.post_id FROM comments c JOIN posts p ON p.id = c.post_id JOIN users u ON u.id = p.user_id
                    WHERE u.username = ? GROUP BY c.post_id ORDER BY count(*) DESC, c.post_id LIMIT 1),
                ranked AS (
                    SELECT c.id, min(c.created_at) OVER () AS first, row_number() OVER (ORDER BY c.id DESC) AS r
                    FROM comments c WHERE c.post_id = (SELECT post_id FROM target))
                UPDATE comments c SET created_at = ranked.first + ranked.r * interval '1 minute'
                FROM ranked WHERE c.id = ranked.id""", username);
    }
}
