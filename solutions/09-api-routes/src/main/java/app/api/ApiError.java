package app.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * Given: the body of every error response.
 * <pre>
 * {"error": "post 42 not found"}
 * {"error": "invalid post", "fields": {"title": "is required", "status": "must be draft or published"}}
 * </pre>
 * {@code fields} names each request field (or query parameter) that is wrong, with what is wrong with it; it is
 * left out when no field is to blame.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, Map<String, String> fields) {

    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
