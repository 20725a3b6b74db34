package dev.pglabs.classroom;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@code grade-class --shard K/N} splits a class: complete, disjoint, balanced by work, stable. */
class ShardTest {

    @TempDir
    static Path tmp;
    static List<Lab> labs;
    static List<Student> students;

    /** 120 students who handed in between 0 and all labs (a fixed seed: the same class every run). */
    @BeforeAll
    static void aClass() throws IOException {
        labs = Course.locate().labs();
        students = new ArrayList<>();
        Random random = new Random(20261206);
        for (int i = 0; i < 120; i++) {
            String name = "student-" + Integer.toString(random.nextInt(1 << 30), 36);
            Path folder = tmp.resolve(name);
            int handedIn = random.nextInt(labs.size() + 1);
            for (Lab lab : labs.subList(0, handedIn)) {
                Files.createDirectories(folder.resolve(lab.folder()));
            }
            Files.createDirectories(folder);
            students.add(new Student(name, folder, folder, ""));
        }
    }

    @Test
    @DisplayName("the shards hold every student exactly once, and each shard's expected work stays near its share")
    void completeDisjointBalanced() {
        for (int count : new int[]{1, 2, 3, 4, 7}) {
            Map<String, Integer> shardOf = new HashMap<>();
            double[] load = new double[count + 1];
            for (int k = 1; k <= count; k++) {
                for (Student s : new Shard(k, count).select(students, labs)) {
                    assertThat(shardOf.put(s.name(), k)).as(s.name() + " in two shards of " + count).isNull();
                    load[k] += Shard.expectedWork(s, labs);
                }
            }
            assertThat(shardOf).as("every student in a shard of " + count).hasSize(students.size());
            double total = students.stream().mapToDouble(s -> Shard.expectedWork(s, labs)).sum();
            double heaviest = 1 + labs.size();
            for (int k = 1; k <= count; k++) {
                assertThat(load[k]).as("work of shard " + k + "/" + count).isLessThanOrEqualTo(1.25 * total / count + heaviest);
            }
        }
    }

    @Test
    @DisplayName("a student joining or leaving the class moves few others to another shard")
    void stable() {
        List<Integer> before = Shard.assign(students, labs, 4);
        List<Student> fewer = students.subList(1, students.size());
        List<Integer> after = Shard.assign(fewer, labs, 4);
        int moved = 0;
        for (int i = 0; i < fewer.size(); i++) {
            if (!before.get(i + 1).equals(after.get(i))) {
                moved++;
            }
        }
        assertThat(moved).as("students who changed shard when one left (of " + fewer.size() + ")")
                .isLessThanOrEqualTo(fewer.size() / 10);
    }

    @Test
    @DisplayName("K/N is parsed with a message that shows the format; 0/3 and 4/3 are refused")
    void parse() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(new Shard(1, 1));
        for (String bad : List.of("0/3", "4/3", "2", "a/b", "-1/2")) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("K/N");
        }
    }
}
