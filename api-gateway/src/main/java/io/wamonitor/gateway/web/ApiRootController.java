package io.wamonitor.gateway.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ApiRootController {

    @GetMapping("/api")
    @Operation(summary = "API banner, also a cheap liveness probe")
    Banner root() {
        return new Banner("WhatsApp Monitoring API v1.0");
    }

    /** The brief's answer to {@code GET /api}. */
    record Banner(String message) {}
}
