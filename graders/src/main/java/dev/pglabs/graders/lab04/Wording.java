package dev.pglabs.graders.lab04;

import java.util.List;

/** How lab 04's feedback words counts, lists and table names. */
final class Wording {

    private Wording() {
    }

    static String words(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String singular(String table) {
        if (table.endsWith("ies") && table.length() > 3) {
            return table.substring(0, table.length() - 3) + "y";
        }
        if (table.endsWith("s") && !table.endsWith("ss") && table.length() > 1) {
            return table.substring(0, table.length() - 1);
        }
        return table;
    }
}
