package dev.pglabs.graders.lab10.sandboxed;

import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.lang.reflect.Method;
import java.time.Clock;

/** {@code IamAuthentication.token(host, port, user, region, credentials)}, signed with the test credentials. */
public record IamToken(CodeRef code, String host, int port, String user, String region) implements StudentTask<String> {

    @Override
    public String run(WorkerContext context) throws Exception {
        Method token = AppDb.method(context, code, AppDb.IAM_CLASS, "token", "public static String token(String host, "
                + "int port, String user, String region, AwsCredentialsProvider credentials)", String.class, int.class,
                String.class, String.class, AwsCredentialsProvider.class);
        return (String) token.invoke(null, host, port, user, region, new TestCredentials(Clock.systemUTC()));
    }
}
