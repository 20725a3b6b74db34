package dev.pglabs.cli;

import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;

/** A hidden grader for lab 01 whose check reuses an id of the lab's grader: what dev check must catch. */
@Grader(lab = "01-sql-basics")
class DuplicateCheckIds {

    @Check(id = "01-all-tags")
    void e01_again() {
    }
}
