package dev.pglabs.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.course.Course;
import dev.pglabs.results.LabResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The course policy's arithmetic (scaling, weights, late days, penalties) and its validation messages. */
class GradingPolicyTest {

    private static final Course COURSE = Course.locate();
    private static final String POLICY = """
            { "labs": { "01": { "points": 20, "deadline": "2026-10-05T23:59:00+02:00" },
                        "03": { "weight": 0.5, "deadline": "2026-10-19T23:59:00+02:00[Europe/Berlin]" } },
              "latePenalty": { "percentPerDay": 10, "maxPercent": 30, "zeroAfterDays": 7 },
              "graceMinutes": 15 }
            """;

    private static GradingPolicy policy(String json) throws Exception {
        return GradingPolicy.parse(new ObjectMapper().readTree(json), COURSE);
    }

    private static Optional<SubmissionTime> at(String instant) {
        return Optional.of(new SubmissionTime(instant, "commit 1234567", ""));
    }

    private static LabResult lab(String folder, double score, double max) {
        return new LabResult(folder, "t", score, max, List.of());
    }

    @Test
    void pointsScaleTheLabAndLateDaysTakeAPercentOff() throws Exception {
        GradingPolicy p = policy(POLICY);
        // 15 of 20 raw = 0.75 of the lab's 20 points = 15; deadline 21:59Z, handed in 1 day 2 h later: 2 started days.
        LabGrade g = p.grade(COURSE.lab("01"), lab("01-sql-basics", 15, 20), at("2026-10-07T00:00:00Z"));
        assertThat(g.counted()).isEqualTo(15);
        assertThat(g.countedMax()).isEqualTo(20);
        assertThat(g.daysLate()).isEqualTo(2);
        assertThat(g.penaltyPercent()).isEqualTo(20);
        assertThat(g.penalty()).isEqualTo(3);
        assertThat(g.finalPoints()).isEqualTo(12);
    }

    @Test
    void weightMultipliesRawPointsAndThePenaltyStopsAtItsMaximum() throws Exception {
        GradingPolicy p = policy(POLICY);
        LabGrade g = p.grade(COURSE.lab("03"), lab("03-relations-joins", 9, 10), at("2026-10-24T12:00:00Z"));
        assertThat(g.counted()).isEqualTo(4.5);
        assertThat(g.countedMax()).isEqualTo(5);
        assertThat(g.daysLate()).isEqualTo(5);
        assertThat(g.penaltyPercent()).isEqualTo(30);
        assertThat(g.finalPoints()).isEqualTo(3.15);
    }

    @Test
    void graceCutoffAndLabsNotHandedIn() throws Exception {
        GradingPolicy p = policy(POLICY);
        LabResult full = lab("01-sql-basics", 20, 20);
        assertThat(p.grade(COURSE.lab("01"), full, at("2026-10-05T22:00:00Z")).finalPoints()).isEqualTo(20);
        // Deadline 21:59Z, 15 minutes of grace: 22:14:00 is on time, a second later is day 1.
        assertThat(p.grade(COURSE.lab("01"), full, at("2026-10-05T22:14:00Z")).finalPoints()).isEqualTo(20);
        LabGrade justPast = p.grade(COURSE.lab("01"), full, at("2026-10-05T22:14:01Z"));
        assertThat(justPast.daysLate()).isEqualTo(1);
        assertThat(justPast.finalPoints()).isEqualTo(18);
        LabGrade eightDays = p.grade(COURSE.lab("01"), full, at("2026-10-13T21:00:00Z"));
        assertThat(eightDays.daysLate()).isEqualTo(8);
        assertThat(eightDays.penaltyPercent()).isEqualTo(100);
        assertThat(eightDays.finalPoints()).isZero();
        LabGrade notStarted = p.grade(COURSE.lab("01"), lab("01-sql-basics", 0, 20).asNotStarted(),
                at("2026-12-01T00:00:00Z"));
        assertThat(notStarted.penalty()).isZero();
        assertThat(p.grade(COURSE.lab("01"), full, Optional.empty()).daysLate()).isZero();
        // A lab the policy does not name counts its raw points and has no deadline.
        LabGrade other = p.grade(COURSE.lab("02"), lab("02-schema-design", 7, 9), at("2030-01-01T00:00:00Z"));
        assertThat(other.finalPoints()).isEqualTo(7);
        assertThat(other.countedMax()).isEqualTo(9);
    }

    @Test
    void lateDaysAreStartedDaysAfterTheDeadline() {
        LatePenalty rule = new LatePenalty(25, 100, null, Duration.ofMinutes(10));
        assertThat(rule.daysLate(Duration.ofMinutes(-5))).isZero();
        assertThat(rule.daysLate(Duration.ofMinutes(10))).isZero();
        assertThat(rule.daysLate(Duration.ofMinutes(11))).isEqualTo(1);
        assertThat(rule.daysLate(Duration.ofDays(1))).isEqualTo(1);
        assertThat(rule.daysLate(Duration.ofDays(1).plusSeconds(1))).isEqualTo(2);
        assertThat(rule.percent(Duration.ofDays(5))).isEqualTo(100);
        assertThat(Instant.parse("2026-10-05T21:59:00Z"))
                .isEqualTo(java.time.ZonedDateTime.parse("2026-10-05T23:59:00+02:00").toInstant());
    }

    @Test
    void mistakesNameTheFieldAndTheFix() {
        assertThatThrownBy(() -> policy("{\"labs\": {\"99\": {}}}"))
                .hasMessageContaining("\"labs.99\"").hasMessageContaining("use a lab id of this course");
        assertThatThrownBy(() -> policy("{\"labs\": {\"01\": {\"points\": 10, \"weight\": 2}}}"))
                .hasMessageContaining("\"labs.01\" has both \"points\" and \"weight\"");
        assertThatThrownBy(() -> policy("{\"labs\": {\"01\": {\"deadline\": \"2026-10-05 23:59\"}}}"))
                .hasMessageContaining("\"labs.01.deadline\"").hasMessageContaining("2026-10-05T23:59:00+02:00");
        assertThatThrownBy(() -> policy("{\"labs\": {\"01\": {\"deadline\": \"2026-10-05T23:59:00\"}}}"))
                .hasMessageContaining("time zone offset");
        assertThatThrownBy(() -> policy("{\"labs\": {\"01\": {\"points\": \"10\"}}}"))
                .hasMessageContaining("\"labs.01.points\" is \"10\"; write a number without quotes");
        assertThatThrownBy(() -> policy("{\"labs\": {\"01\": {}}, \"latePenalty\": {\"percentPerDay\": 150}}"))
                .hasMessageContaining("\"latePenalty.percentPerDay\" is 150; it must be between 0 and 100");
        assertThatThrownBy(() -> policy("{\"labs\": {\"01\": {}}, \"late\": {}}"))
                .hasMessageContaining("\"late\" in the policy is not a field pglabs knows");
        assertThatThrownBy(() -> policy("{\"labs\": {}}")).hasMessageContaining("\"labs\" is missing or empty");
        assertThatThrownBy(() -> policy("{\"labs\": {\"01\": {}}, \"latePenalty\": {\"maxPercent\": 50}}"))
                .hasMessageContaining("needs \"percentPerDay\" or \"zeroAfterDays\"");
    }
}
