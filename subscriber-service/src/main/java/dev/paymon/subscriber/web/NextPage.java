package dev.paymon.subscriber.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Answers one page of a list paged with {@code limit} and a cursor parameter: a full page links to the next
 * one in a {@code Link: <...>; rel="next"} header (RFC 8288), the current request with the cursor set from
 * the page's last item, so a client follows links without knowing the order.
 */
public final class NextPage {

    private NextPage() {
    }

    /** Pages newest first, continued by {@code before=<the last item's id>}. */
    public static <T> ResponseEntity<List<T>> answer(List<T> page, int limit, Function<T, String> id) {
        return answer(page, limit, "before", id);
    }

    /** Continued by {@code <cursor>=<the value of the page's last item>}. */
    public static <T> ResponseEntity<List<T>> answer(List<T> page, int limit, String cursor,
                                                     Function<T, String> cursorOfLast) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (!page.isEmpty() && page.size() == limit) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("limit", limit)
                    .replaceQueryParam(cursor, cursorOfLast.apply(page.get(page.size() - 1)))
                    .encode().toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(page);
    }
}
