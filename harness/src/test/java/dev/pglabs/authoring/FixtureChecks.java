package dev.pglabs.authoring;

import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;

/** The grader of the fixture lab the rule tests build: two checks, the first also run hidden. Never run. */
@Grader(lab = "90-demo")
class FixtureChecks {

    @Check(id = "01-items", hiddenOn = "hidden")
    void e01_items() {
    }

    @Check(id = "01-items-stock")
    void e01b_itemsStock() {
    }

    /** Named after the wrong exercise: what check-method-names reports. */
    @Check(id = "02-total")
    void e03_total() {
    }
}
