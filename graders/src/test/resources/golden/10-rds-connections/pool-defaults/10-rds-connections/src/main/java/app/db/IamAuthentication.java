package app.db;

import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.util.Credentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Exercise 5: IAM database authentication. Instead of a password, the application signs a short-lived token
 * with its AWS credentials (the IAM role of its EC2 instance, ECS task or Lambda function). RDS checks the
 * signature with IAM. The signing happens locally: no network call, no AWS account needed to try it.
 */
public final class IamAuthentication {

    /** A token is valid for 15 minutes; none older than this is handed out. */
    public static final Duration REFRESH_AFTER = Duration.ofMinutes(10);

    private IamAuthentication() {
    }

    /** The token for {@code user} on {@code host:port}, signed for {@code region} with these credentials. */
    public static String token(String host, int port, String user, String region, AwsCredentialsProvider credentials) {
        RdsUtilities rds = RdsUtilities.builder().region(Region.of(region)).credentialsProvider(credentials).build();
        return rds.generateAuthenticationToken(request -> request.hostname(host).port(port).username(user));
    }

    /**
     * What HikariCP asks for the user and password of every new connection: the user and a token, a new one when
     * the last is {@link #REFRESH_AFTER} old (by {@code clock}). Use it with
     * {@code config.setCredentialsProvider(IamAuthentication.credentialsProvider(…))}.
     */
    public static HikariCredentialsProvider credentialsProvider(String host, int port, String user, String region,
                                                                AwsCredentialsProvider credentials, Clock clock) {
        return new HikariCredentialsProvider() {
            private String token;
            private Instant madeAt;

            @Override
            public synchronized Credentials getCredentials() {
                Instant now = clock.instant();
                if (token == null || !now.isBefore(madeAt.plus(REFRESH_AFTER))) {
                    token = token(host, port, user, region, credentials);
                    madeAt = now;
                }
                return Credentials.of(user, token);
            }
        };
    }
}
