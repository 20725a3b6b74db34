package dev.pglabs.notebook;

import java.util.regex.Pattern;

/**
 * Keeps recorded outputs the same from run to run: the lab database and the student role get fresh random
 * names every run, so they are shown as {@code <database>} and {@code <student>}.
 */
final class Scrubber {

    private static final Pattern OTHER_RUN_NAMES = Pattern.compile("pglabs_[0-9a-f]{6}_(db|r|tpl)\\d+");
    private static final Pattern RUN_GROUP = Pattern.compile("pglabs_[0-9a-f]{6}_students");

    private final String database;
    private final String role;

    Scrubber(String database, String role) {
        this.database = database;
        this.role = role;
    }

    String scrub(String text) {
        String s = text.replace(database, "<database>").replace(role, "<student>");
        s = RUN_GROUP.matcher(s).replaceAll("<students>");
        return OTHER_RUN_NAMES.matcher(s).replaceAll("<other database>");
    }
}
