package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicBoolean;

public class StudentTagCounter implements TagCounter {

    private static final AtomicBoolean SPINNING = new AtomicBoolean();

    @Override
    public long countTags(Connection connection) throws SQLException {
        // A thread started through a library (a SubmissionPublisher delivers on a thread of its own; the bytecode
        // policy sees no Thread), left spinning after the right answer is returned.
        SubmissionPublisher<String> publisher = new SubmissionPublisher<>();
        publisher.subscribe(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(String item) {
                SPINNING.set(true);
                while (SPINNING.get()) {
                    Thread.onSpinWait();
                }
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        publisher.submit("spin");
        while (!SPINNING.get()) {
            Thread.onSpinWait();
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM tags")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
