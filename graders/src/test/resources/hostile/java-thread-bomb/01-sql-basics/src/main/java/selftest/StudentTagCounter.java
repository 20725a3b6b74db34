package selftest;

import dev.pglabs.graders.selftest.sandboxed.TagCounter;

import java.sql.Connection;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;

public class StudentTagCounter implements TagCounter {

    @Override
    public long countTags(Connection connection) {
        // Thousands of threads through a library (each SubmissionPublisher delivers on a thread of its own here;
        // the bytecode policy sees no Thread), each asleep for good, and the call never returns.
        for (int i = 0; i < 3000; i++) {
            SubmissionPublisher<String> publisher = new SubmissionPublisher<>();
            publisher.subscribe(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(1);
                }

                @Override
                public void onNext(String item) {
                    while (true) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            // keep the thread
                        }
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            });
            publisher.submit("sleep");
        }
        while (true) {
            Thread.onSpinWait();
        }
    }
}
