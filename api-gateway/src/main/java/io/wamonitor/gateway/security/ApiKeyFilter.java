package io.wamonitor.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.wamonitor.gateway.api.Problems;
import io.wamonitor.gateway.api.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires an API key on /api/** except {@code GET /api} and CORS preflights. The key comes as
 * {@code X-Api-Key} or {@code Authorization: Bearer}. An address that keeps presenting wrong keys is slowed
 * down: beyond 10 failures a minute its failing requests get 429 (valid keys always pass).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final ObjectMapper json;
    private final RateLimiterRegistry failures = RateLimiterRegistry.of(RateLimiterConfig.custom()
            .limitForPeriod(10)
            .limitRefreshPeriod(Duration.ofMinutes(1))
            .timeoutDuration(Duration.ZERO)
            .build());

    ApiKeyFilter(ApiKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        // "/api;x/accounts" or "/%61pi/accounts" reach the /api controllers: they must not pass as something else.
        String routed = RequestPaths.routed(request);
        if (!isApi(raw) && !isApi(routed)) {
            return true; // health, metrics, signed media URLs, docs, the dashboard
        }
        boolean banner = routed.equals("/api") && raw.equals("/api") && "GET".equals(request.getMethod());
        boolean preflight =
                "OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null;
        return banner || preflight;
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/api;");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (keys.valid(presented(request))) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter limiter = failures.rateLimiter(request.getRemoteAddr());
        if (!limiter.acquirePermission()) {
            response.setHeader("Retry-After", "60");
            write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "RATE_LIMITED",
                    "Too many requests with a wrong API key from this address; retry in a minute");
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                "UNAUTHORIZED",
                "Send a valid API key as X-Api-Key or Authorization: Bearer <key>");
    }

    private static String presented(HttpServletRequest request) {
        String key = request.getHeader("X-Api-Key");
        if (key != null) {
            return key.trim();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, code, status.getReasonPhrase(), detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
