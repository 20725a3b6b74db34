package dev.pglabs.grading;

import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What is wrong with one answer, collected while a check looks at all of it, then reported as one failure: a
 * student fixes every listed problem in one go instead of meeting them one run at a time.
 */
public final class Problems {

    /** Beyond this many, the list ends with a count: a long list hides the first problem, which is the one to fix. */
    static final int SHOWN = 8;

    private final List<String> items = new ArrayList<>();

    public Problems add(String problem) {
        items.add(Objects.requireNonNull(problem, "problem"));
        return this;
    }

    /** Adds the problem when the condition holds; reads as the rule it checks. */
    public Problems addIf(boolean condition, String problem) {
        if (condition) {
            add(problem);
        }
        return this;
    }

    public Problems addAll(Collection<String> problems) {
        problems.forEach(this::add);
        return this;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    public List<String> list() {
        return List.copyOf(items);
    }

    /** The problems as an indented bullet list, the first {@value #SHOWN} of them and a count of the rest. */
    public String bullets() {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(items.size(), SHOWN);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : "\n").append("  - ").append(items.get(i));
        }
        if (items.size() > shown) {
            text.append("\n  … and ").append(items.size() - shown).append(" more.");
        }
        return text.toString();
    }

    /** Fails the check with the heading and the bullet list when there is any problem; does nothing otherwise. */
    public void failIfAny(String heading) {
        if (!items.isEmpty()) {
            throw new AssertionFailedError(heading + "\n" + bullets());
        }
    }
}
