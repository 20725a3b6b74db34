package dev.pglabs.graders.lab10.sandboxed;

import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.util.Credentials;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code IamAuthentication.credentialsProvider(…, clock)}, asked for credentials at each of {@code minutes} after
 * {@code start} by a clock the task moves, as a pool asks for each new connection.
 */
public record IamRefresh(CodeRef code, String host, int port, String user, String region, Instant start,
                         List<Integer> minutes) implements StudentTask<ArrayList<IamRefresh.Step>> {

    /** What the provider gave at one moment, and when the credentials were last used to sign (null if never). */
    public record Step(int minute, String username, String password, Instant lastSigned) implements Serializable {
    }

    @Override
    public ArrayList<Step> run(WorkerContext context) throws Exception {
        Method factory = AppDb.method(context, code, AppDb.IAM_CLASS, "credentialsProvider", "public static "
                + "HikariCredentialsProvider credentialsProvider(String host, int port, String user, String region, "
                + "AwsCredentialsProvider credentials, Clock clock)", String.class, int.class, String.class,
                String.class, AwsCredentialsProvider.class, Clock.class);
        MovableClock clock = new MovableClock(start);
        TestCredentials credentials = new TestCredentials(clock);
        HikariCredentialsProvider provider = (HikariCredentialsProvider) factory.invoke(null, host, port, user, region,
                credentials, clock);
        if (provider == null) {
            throw new SubmissionProblem(CheckStatus.FAILED, "IamAuthentication.credentialsProvider returned null.");
        }
        ArrayList<Step> steps = new ArrayList<>();
        for (int minute : minutes) {
            clock.set(start.plus(Duration.ofMinutes(minute)));
            Credentials given = provider.getCredentials();
            if (given == null) {
                throw new SubmissionProblem(CheckStatus.FAILED, "getCredentials() of your provider returned null: "
                        + "return Credentials.of(user, token).");
            }
            steps.add(new Step(minute, given.getUsername(), given.getPassword(), credentials.lastResolved()));
        }
        return steps;
    }
}
