package dev.pglabs.classroom.similarity;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityIndexTest {

    private static final String LONG = "select a, b, c from t where a = b and c = 0 order by a, b";

    private static Answer answer(String student, int exercise, String form) {
        return new Answer(student, new Exercise("01-x", exercise + ".sql", ""), form, form,
                SqlNormaliser.countTokens(form), true);
    }

    @Test
    void manySharedMajorityAnswersDoNotAddUpToAPair() {
        List<Answer> answers = new ArrayList<>();
        for (int e = 1; e <= 20; e++) {
            for (int s = 0; s < 10; s++) {  // 6 of 10 students write the usual answer to every exercise
                answers.add(answer("s" + s, e, s < 6 ? LONG + " -- usual " + e : LONG + " -- own " + e + " " + s));
            }
        }
        assertThat(SimilarityIndex.pairs(answers, SimilarityIndex.THRESHOLD)).isEmpty();
    }

    @Test
    void rareSharedAnswersMakeAPairAndPairsMakeClusters() {
        List<Answer> answers = new ArrayList<>();
        for (int e = 1; e <= 2; e++) {
            for (int s = 0; s < 10; s++) {
                // s0, s1 and s2 write the same rare answer; everyone else their own
                answers.add(answer("s" + s, e, s < 3 ? LONG + " rare " + e : LONG + " own " + e + " " + s));
            }
        }
        answers.add(answer("s0", 3, "select 1"));  // a tiny shared answer weighs little
        answers.add(answer("s1", 3, "select 1"));
        for (int s = 2; s < 10; s++) {
            answers.add(answer("s" + s, 3, LONG + s));
        }
        List<SimilarityIndex.Pair> pairs = SimilarityIndex.pairs(answers, SimilarityIndex.THRESHOLD);
        assertThat(pairs).extracting(p -> p.first() + "+" + p.second()).containsExactly("s0+s1", "s0+s2", "s1+s2");
        SimilarityIndex.Pair top = pairs.get(0);
        assertThat(top.score()).isCloseTo(2 * Math.log(10.0 / 3) + Math.log(10.0 / 2) * 2 / 12, Offset.offset(1e-9));
        assertThat(SimilarityIndex.clusters(pairs)).containsExactly(List.of("s0", "s1", "s2"));
    }
}
