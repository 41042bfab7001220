package dev.paymon.publisher.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.publisher.PublisherProperties;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

class RequestSizeFilterTests {

    final List<Exception> problems = new ArrayList<>();
    final HandlerExceptionResolver resolver = (request, response, handler, e) -> {
        problems.add(e);
        response.setStatus(413);
        return new ModelAndView();
    };
    final RequestSizeFilter filter = new RequestSizeFilter(properties("10B"), resolver);

    @Test
    void refusesDeclaredLengthOverTheLimitWithoutReading() throws Exception {
        MockHttpServletRequest request = post(new byte[11]);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(problems).singleElement().hasFieldOrPropertyWithValue("message",
                "The request body declares 11 bytes; at most 10 bytes are accepted");
    }

    @Test
    void refusesChunkedBodyOverTheLimit() throws Exception {
        MockHttpServletRequest request = chunked(new byte[11]);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNull();
        assertThat(problems).singleElement().hasFieldOrPropertyWithValue("message",
                "The request body is longer; at most 10 bytes are accepted");
    }

    @Test
    void passesChunkedBodyWithinTheLimitOnIntact() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(chunked("0123456789".getBytes()), new MockHttpServletResponse(), chain);

        assertThat(body(chain.getRequest())).isEqualTo("0123456789");
        assertThat(problems).isEmpty();
    }

    @Test
    void passesDeclaredBodyWithinTheLimitUntouched() throws Exception {
        MockHttpServletRequest request = post(new byte[10]);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private static MockHttpServletRequest post(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments");
        request.setContent(body);
        return request;
    }

    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(body);
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }

    private static String body(ServletRequest request) throws IOException {
        return new String(request.getInputStream().readAllBytes());
    }

    private static PublisherProperties properties(String maxBodySize) {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of(
                "paymon.publisher.max-body-size", maxBodySize)))
                .bindOrCreate("paymon.publisher", PublisherProperties.class);
    }
}
