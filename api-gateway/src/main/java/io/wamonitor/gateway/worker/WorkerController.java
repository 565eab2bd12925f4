package io.wamonitor.gateway.worker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Workers", description = "The browser workers and their account slots")
class WorkerController {

    private final WorkerRegistry workers;

    WorkerController(WorkerRegistry workers) {
        this.workers = workers;
    }

    @GetMapping("/api/workers")
    @Operation(summary = "Workers heard from, with slot capacity, slots in use and the accounts they hold")
    List<WorkerRegistry.WorkerView> list() {
        return workers.all();
    }
}
