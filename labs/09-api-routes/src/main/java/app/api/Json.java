package app.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.json.JavalinJackson;

/**
 * Given: how the API writes and reads JSON. Times are ISO-8601 text in UTC ("2024-03-05T09:30:00Z"), never
 * numbers; unknown fields in a request body are ignored (clients may send more than we read).
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** For Javalin: ctx.json(…) and ctx.bodyAsClass(…) use it. */
    public static JavalinJackson mapper() {
        return new JavalinJackson(objectMapper(), false);
    }
}
