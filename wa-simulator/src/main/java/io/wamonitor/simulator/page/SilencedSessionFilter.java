package io.wamonitor.simulator.page;

import io.wamonitor.simulator.network.WhatsAppNetwork;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Leaves unanswered every request a page makes on a connection that a silent stall silenced (its session token in
 * {@code X-Wa-Token}, or {@code token} on the stream): on a half-open socket nothing comes back. Each such request is
 * held asynchronously (no container thread waits) until it times out with a 504, as a client would give up; ending
 * the stall does not answer the held ones. The simulator's shutdown answers them all first, so it never waits for
 * them.
 */
@Component
class SilencedSessionFilter extends OncePerRequestFilter implements SmartLifecycle {

    static final Duration HOLD = Duration.ofSeconds(120);

    private final WhatsAppNetwork network;
    private final Set<AsyncContext> held = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    SilencedSessionFilter(WhatsAppNetwork network) {
        this.network = network;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/wa/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("X-Wa-Token");
        if (token == null && "GET".equals(request.getMethod())) {
            token = request.getParameter("token");
        }
        if (token == null || !network.silenced(token)) {
            chain.doFilter(request, response);
            return;
        }
        hold(request.startAsync(request, response));
    }

    private void hold(AsyncContext request) {
        request.setTimeout(HOLD.toMillis());
        request.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                answer(request, HttpStatus.GATEWAY_TIMEOUT, "WhatsApp did not answer");
            }

            @Override
            public void onComplete(AsyncEvent event) {
                held.remove(request);
            }

            @Override
            public void onError(AsyncEvent event) {
                held.remove(request);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        held.add(request);
        if (!running) {
            answer(request, HttpStatus.SERVICE_UNAVAILABLE, "the simulator is stopping");
        }
    }

    /** Answers a held request once (the timeout and the shutdown may race for it). */
    private void answer(AsyncContext request, HttpStatus status, String detail) {
        if (!held.remove(request)) {
            return;
        }
        try {
            HttpServletResponse response = (HttpServletResponse) request.getResponse();
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"status\":%d,\"detail\":\"%s\",\"code\":\"NO_ANSWER\"}"
                            .formatted(status.value(), detail));
        } catch (IOException | IllegalStateException pageGone) {
            // the page left meanwhile: nobody to answer
        }
        try {
            request.complete();
        } catch (IllegalStateException alreadyCompleted) {
            // the container ended it (the client went away)
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs before the web server's graceful shutdown, which would otherwise wait for the held requests. */
    @Override
    public void stop() {
        running = false;
        held.forEach(r -> answer(r, HttpStatus.SERVICE_UNAVAILABLE, "the simulator is stopping"));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
