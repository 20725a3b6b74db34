package dev.pglabs.graders.lab10.sandboxed;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.time.Clock;
import java.time.Instant;

/** The test credentials (AWS's documented example keys: they sign, but open nothing); records when they were asked for. */
public final class TestCredentials implements AwsCredentialsProvider {

    public static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private final Clock clock;
    private Instant lastResolved;

    TestCredentials(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        lastResolved = clock.instant();
        return AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY);
    }

    synchronized Instant lastResolved() {
        return lastResolved;
    }
}
