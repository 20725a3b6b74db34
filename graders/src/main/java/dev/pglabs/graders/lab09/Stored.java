package dev.pglabs.graders.lab09;

import dev.pglabs.graders.lab09.BlogData.PostRow;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.results.CheckStatus;

/**
 * What a refused request left in the database: read back after the answer, because a right status code with a
 * changed row is the bug that matters (the change happened anyway).
 */
final class Stored {

    private Stored() {
    }

    static void assertSameRow(BlogData data, PostRow before, String what) {
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

    static void assertUnchanged(int now, int before, String table, String what) {
        if (now != before) {
            throw new CheckFailure(CheckStatus.FAILED, "The status codes were right, but the " + table + " table went "
                    + "from " + before + " to " + now + " rows: " + what + " must not save anything. Validate before "
                    + "db.save(…).");
        }
    }
}
