package dev.pglabs.grading;

import dev.pglabs.course.Course;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lab services of a session: found with ServiceLoader, started once, reused while healthy, stopped at close. */
class SessionServicesTest {

    /** A service that counts its starts and stops (registered in this module's test META-INF/services). */
    public static final class Counting implements LabService {
        static final AtomicInteger STARTS = new AtomicInteger();
        static final AtomicInteger STOPS = new AtomicInteger();
        static volatile boolean answering = true;
        private Course started;

        @Override
        public String description() {
            return "the counting service";
        }

        @Override
        public void start(Course course) {
            STARTS.incrementAndGet();
            started = course;
        }

        @Override
        public boolean healthy() {
            return answering;
        }

        @Override
        public void close() {
            STOPS.incrementAndGet();
        }
    }

    /** A service that cannot run here. */
    public static final class Missing implements LabService {
        static final AtomicInteger STARTS = new AtomicInteger();

        @Override
        public String description() {
            return "the missing tool";
        }

        @Override
        public void start(Course course) {
            STARTS.incrementAndGet();
            throw new IllegalStateException("install the tool first");
        }

        @Override
        public boolean healthy() {
            return false;
        }

        @Override
        public void close() {
            throw new AssertionError("a service that never started is not stopped");
        }
    }

    /** Not registered in META-INF/services. */
    public static final class Unregistered implements LabService {
        @Override
        public String description() {
            return "unregistered";
        }

        @Override
        public void start(Course course) {
        }

        @Override
        public boolean healthy() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private final Course course = Course.locate();

    @BeforeEach
    void reset() {
        Counting.STARTS.set(0);
        Counting.STOPS.set(0);
        Counting.answering = true;
        Missing.STARTS.set(0);
    }

    @Test
    @DisplayName("a service is started once for the course, handed to every caller while healthy, and stopped at close")
    void startsOnceAndStops() {
        SessionServices services = new SessionServices(course);
        services.startAhead(Counting.class);
        Counting first = services.get(Counting.class);
        Counting again = services.get(Counting.class);

        assertThat(again).isSameAs(first);
        assertThat(first.started).isSameAs(course);
        assertThat(Counting.STARTS).hasValue(1);
        assertThat(services.description(Counting.class)).isEqualTo("the counting service");

        services.close();
        assertThat(Counting.STOPS).hasValue(1);
        assertThatThrownBy(() -> services.get(Counting.class)).hasMessageContaining("closed");
    }

    @Test
    @DisplayName("a service that stopped answering is stopped and a new one started for the next caller")
    void restartsWhenUnhealthy() {
        try (SessionServices services = new SessionServices(course)) {
            Counting first = services.get(Counting.class);
            Counting.answering = false;
            Counting second = services.get(Counting.class);
            Counting.answering = true;

            assertThat(second).isNotSameAs(first);
            assertThat(Counting.STARTS).hasValue(2);
            assertThat(Counting.STOPS).hasValue(1);
            assertThat(services.get(Counting.class)).isSameAs(second);
        }
        assertThat(Counting.STOPS).hasValue(2);
    }

    @Test
    @DisplayName("a service that cannot start gives every caller its reason, without starting again")
    void failedStartIsReportedUnchanged() {
        try (SessionServices services = new SessionServices(course)) {
            assertThatThrownBy(() -> services.get(Missing.class)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("install the tool first");
            assertThatThrownBy(() -> services.get(Missing.class)).hasMessage("install the tool first");
            assertThat(Missing.STARTS).hasValue(1);
        }
    }

    @Test
    @DisplayName("a service class that is not registered for ServiceLoader is refused, naming the file to add it to")
    void unregisteredIsRefused() {
        try (SessionServices services = new SessionServices(course)) {
            assertThatThrownBy(() -> services.get(Unregistered.class))
                    .hasMessageContaining(Unregistered.class.getName())
                    .hasMessageContaining("META-INF/services/dev.pglabs.grading.LabService");
        }
    }
}
