package io.wamonitor.gateway.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
class ApiRootController {

    @GetMapping("/api")
    @Operation(summary = "API banner, also a cheap liveness probe")
    Map<String, String> root() {
        return Map.of("message", "WhatsApp Monitoring API v1.0");
    }
}
