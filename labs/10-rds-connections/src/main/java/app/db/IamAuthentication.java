package app.db;

import com.zaxxer.hikari.HikariCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.time.Clock;
import java.time.Duration;

/**
 * Exercise 5: IAM database authentication. Instead of a password, the application signs a short-lived token
 * with its AWS credentials (the IAM role of its EC2 instance, ECS task or Lambda function). RDS checks the
 * signature with IAM. The signing happens locally: no network call, no AWS account needed to try it.
 *
 * The rules are in the lab's README, section 11.
 */
public final class IamAuthentication {

    /** A token is valid for 15 minutes; none older than this is handed out. */
    public static final Duration REFRESH_AFTER = Duration.ofMinutes(10);

    private IamAuthentication() {
    }

    /** The token for {@code user} on {@code host:port}, signed for {@code region} with these credentials. */
    public static String token(String host, int port, String user, String region, AwsCredentialsProvider credentials) {
        // TODO Exercise 5: RdsUtilities.builder()…build().generateAuthenticationToken(…)
        throw new UnsupportedOperationException("TODO generate the IAM authentication token (exercise 5)");
    }

    /**
     * What HikariCP asks for the user and password of every new connection: the user and a token, a new one when
     * the last is {@link #REFRESH_AFTER} old (by {@code clock}).
     */
    public static HikariCredentialsProvider credentialsProvider(String host, int port, String user, String region,
                                                                AwsCredentialsProvider credentials, Clock clock) {
        // TODO Exercise 5: return a HikariCredentialsProvider that keeps the last token and when it was made.
        throw new UnsupportedOperationException("TODO hand out fresh IAM tokens to the pool (exercise 5)");
    }
}
