package dev.pglabs.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreCapTest {

    private static final String GUARDS = "posts against changes by users who do not own them";

    private static CheckResult check(String id, double max, boolean passed, String guards) {
        return new CheckResult(id, id + " does it", passed ? max : 0, max,
                passed ? CheckStatus.PASSED : CheckStatus.FAILED, Visibility.VISIBLE, passed ? "" : "Wrong.", 1)
                .guarding(guards);
    }

    /** Eight ordinary points passed, and a guarding check of 2 points with the given status. */
    private static List<CheckResult> lab(CheckStatus guardStatus) {
        List<CheckResult> checks = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            checks.add(check("0" + i + "-ordinary", 2, true, ""));
        }
        boolean passed = guardStatus == CheckStatus.PASSED;
        checks.add(new CheckResult("05-ownership", "05 owns it", passed ? 2 : 0, 2, guardStatus, Visibility.VISIBLE,
                passed ? "" : "Changed someone else's post.", 1).guarding(GUARDS));
        return checks;
    }

    @Test
    @DisplayName("a guarding check that does not pass caps the lab at 40 % of its points, in whole points, and says why")
    void capsWhenAGuardFails() {
        for (CheckStatus status : List.of(CheckStatus.FAILED, CheckStatus.ERROR, CheckStatus.TIMEOUT)) {
            LabResult lab = LabResult.of("09-api", "API", lab(status));
            assertThat(lab.max()).isEqualTo(10);
            assertThat(lab.score()).as("8 points earned, capped at 40 %% of 10 (%s)", status).isEqualTo(4);
            assertThat(lab.cap().earned()).isEqualTo(8);
            assertThat(lab.cap().points()).isEqualTo(4);
            assertThat(lab.cap().check()).isEqualTo("05-ownership");
            assertThat(lab.cap().reason()).isEqualTo("capped at 4: check 05-ownership guards " + GUARDS
                    + "; fix it first");
        }
    }

    @Test
    @DisplayName("no cap when every guarding check passes, or when the points are within the cap already")
    void noCapOtherwise() {
        LabResult full = LabResult.of("09-api", "API", lab(CheckStatus.PASSED));
        assertThat(full.score()).isEqualTo(10);
        assertThat(full.cap()).isNull();

        List<CheckResult> few = new ArrayList<>(List.of(check("01-ordinary", 2, true, ""),
                check("02-ordinary", 6, false, ""), check("03-guard", 2, false, GUARDS)));
        LabResult low = LabResult.of("09-api", "API", few);
        assertThat(low.score()).as("2 points earned, under the cap of 4").isEqualTo(2);
        assertThat(low.cap()).isNull();

        LabResult ordinaryFails = LabResult.of("09-api", "API", List.of(check("01-ordinary", 8, true, ""),
                check("02-ordinary", 2, false, "")));
        assertThat(ordinaryFails.score()).as("an ordinary check keeps partial credit as before").isEqualTo(8);
        assertThat(ordinaryFails.cap()).isNull();
    }

    @Test
    @DisplayName("several failing guards: the first is named, the others counted; the submission's total is the capped one")
    void severalGuards() {
        List<CheckResult> checks = new ArrayList<>(lab(CheckStatus.FAILED));
        checks.add(check("06-drafts", 5, false, "drafts against readers who are not their author"));
        checks.add(check("07-ordinary", 5, true, ""));
        LabResult lab = LabResult.of("09-api", "API", checks);
        assertThat(lab.score()).as("13 of 20 earned, capped at 8").isEqualTo(8);
        assertThat(lab.cap().reason()).startsWith("capped at 8: check 05-ownership guards " + GUARDS)
                .endsWith("; fix it first (1 more check that guard production data or security fail too)");
        SubmissionResult all = SubmissionResult.of("/tmp/s", List.of(lab, LabResult.of("01", "x",
                List.of(check("01-a", 3, true, "")))), null);
        assertThat(all.score()).isEqualTo(11);
        assertThat(lab.asNotStarted().cap()).as("kept by asNotStarted").isEqualTo(lab.cap());
    }

    @Test
    @DisplayName("the cap is 40 % of the lab's points rounded down to whole points: below half, above zero")
    void limit() {
        assertThat(ScoreCap.limit(26)).isEqualTo(10);
        assertThat(ScoreCap.limit(10)).isEqualTo(4);
        assertThat(ScoreCap.limit(5)).isEqualTo(2);
        assertThat(ScoreCap.limit(1)).isZero();
        for (double max = 1; max <= 100; max++) {
            assertThat(ScoreCap.limit(max)).isLessThan(max / 2);
        }
    }

    @Test
    @DisplayName("the JSON result carries the cap and the checks' guards, and reads back the same")
    void json() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        LabResult lab = LabResult.of("09-api", "API", lab(CheckStatus.FAILED));
        String json = mapper.writeValueAsString(lab);
        assertThat(json).contains("\"score\":4.0", "\"cap\":{\"points\":4.0,\"earned\":8.0,\"check\":\"05-ownership\"",
                "\"guards\":\"" + GUARDS + "\"");
        assertThat(mapper.readValue(json, LabResult.class)).isEqualTo(lab);
        String uncapped = mapper.writeValueAsString(LabResult.of("09-api", "API", lab(CheckStatus.PASSED)));
        assertThat(uncapped).as("no cap field without a cap").doesNotContain("\"cap\"");
        assertThat(mapper.writeValueAsString(check("01-x", 1, true, ""))).doesNotContain("guards");
    }
}
