package dev.pglabs.orm;

import java.util.List;

/** What the test's "submission" implements: the same listing with lazy loading and with a fetch plan. */
public interface Library {

    List<String> titlesWithAuthorsLazily();

    List<String> titlesWithAuthorsFetched();

    void rename(long bookId, String title);
}
