package dev.paymon.benchmark.load;

import dev.paymon.load.HttpAnswer;
import java.util.function.ToIntFunction;

/**
 * Makes the requests of a load run, each for its intended send time (which a payment may carry as its event time),
 * and says how many of a request's events the server took.
 */
public interface RequestSource {

    Request create(long intendedEpochMillis);

    /** Events of a successful response the server accepted; by default all of the request's. */
    default int accepted(Request request, HttpAnswer answer) {
        return answer.successful() ? request.events() : 0;
    }

    /** Whether {@link #accepted} needs the response body. */
    default boolean needsBody() {
        return false;
    }

    /** A source whose accepted count is read from the response body. */
    static RequestSource counting(RequestSource source, ToIntFunction<String> acceptedInBody) {
        return new RequestSource() {
            @Override
            public Request create(long intendedEpochMillis) {
                return source.create(intendedEpochMillis);
            }

            @Override
            public int accepted(Request request, HttpAnswer answer) {
                return answer.successful() ? acceptedInBody.applyAsInt(answer.text()) : 0;
            }

            @Override
            public boolean needsBody() {
                return true;
            }
        };
    }
}
