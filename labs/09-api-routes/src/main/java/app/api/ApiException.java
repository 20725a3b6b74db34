package app.api;

import java.util.Map;

/**
 * Given: throw it from a handler to stop and answer with an error. {@link BlogApi} turns it into the response:
 * the status and an {@link ApiError} body. For example {@code throw ApiException.notFound("post 42 not found")}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient ApiError body;

    public ApiException(int status, ApiError body) {
        super(status + " " + body.error());
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }

    /** 400 Bad Request, naming the fields that are wrong. */
    public static ApiException badRequest(String error, Map<String, String> fields) {
        return new ApiException(400, new ApiError(error, fields.isEmpty() ? null : Map.copyOf(fields)));
    }

    /** 400 Bad Request that no single field is to blame for (e.g. a body that is not JSON). */
    public static ApiException badRequest(String error) {
        return new ApiException(400, ApiError.of(error));
    }

    /** 401 Unauthorized: we do not know who is calling. */
    public static ApiException unauthorized(String error) {
        return new ApiException(401, ApiError.of(error));
    }

    /** 403 Forbidden: we know who is calling, and they may not do this. */
    public static ApiException forbidden(String error) {
        return new ApiException(403, ApiError.of(error));
    }

    /** 404 Not Found. */
    public static ApiException notFound(String error) {
        return new ApiException(404, ApiError.of(error));
    }
}
