package io.wamonitor.simulator.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.wamonitor.simulator.network.WhatsAppNetwork;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A silenced session's requests get no answer: held without a thread, until they time out or the simulator stops. */
class SilencedSessionFilterTest {

    private final WhatsAppNetwork network = mock(WhatsAppNetwork.class);
    private final SilencedSessionFilter filter = new SilencedSessionFilter(network);
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    @BeforeEach
    void start() {
        when(network.silenced("silenced")).thenReturn(true);
        filter.start();
    }

    @Test
    void aSilencedSessionsRequestIsHeldAndTimesOutWithA504() throws Exception {
        MockHttpServletRequest request = pageRequest("silenced");

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("passed on").isNull();
        assertThat(request.isAsyncStarted()).isTrue();
        MockAsyncContext held = (MockAsyncContext) request.getAsyncContext();
        assertThat(held.getTimeout()).isEqualTo(SilencedSessionFilter.HOLD.toMillis());

        for (AsyncListener listener : held.getListeners()) {
            listener.onTimeout(new AsyncEvent(held));
        }

        assertThat(response.getStatus()).isEqualTo(504);
        assertThat(request.isAsyncStarted()).isFalse();
    }

    @Test
    void theSimulatorStoppingAnswersEveryHeldRequest() throws Exception {
        MockHttpServletRequest request = pageRequest("silenced");
        filter.doFilter(request, response, chain);

        filter.stop();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(request.isAsyncStarted()).isFalse();
    }

    @Test
    void otherSessionsArePassedOnAndASilencedStreamIsHeld() throws Exception {
        filter.doFilter(pageRequest("fine"), response, chain);
        assertThat(chain.getRequest()).isNotNull();

        MockHttpServletRequest stream = new MockHttpServletRequest("GET", "/wa/stream");
        stream.setAsyncSupported(true);
        stream.setParameter("token", "silenced");
        MockFilterChain streamChain = new MockFilterChain();
        filter.doFilter(stream, new MockHttpServletResponse(), streamChain);
        assertThat(streamChain.getRequest()).as("a silenced stream is held too").isNull();
    }

    private static MockHttpServletRequest pageRequest(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/wa/ack");
        request.setAsyncSupported(true);
        request.addHeader("X-Wa-Token", token);
        return request;
    }
}
