package io.wamonitor.gateway.worker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Workers", description = "The browser workers, their account slots and memory, and draining")
class WorkerController {

    private final WorkerService workers;

    WorkerController(WorkerService workers) {
        this.workers = workers;
    }

    @GetMapping("/api/workers")
    @Operation(
            summary = "Every worker heard from or known, with its state (alive, draining, unreachable, lost), slots, "
                    + "memory and the accounts assigned to it")
    List<WorkerInfo> list() {
        return workers.list();
    }

    @PostMapping("/api/workers/{id}/drain")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Move the worker's accounts to other workers, one at a time, without a new QR code (clean "
                    + "stop, backup, restore), and place no new account on it")
    WorkerInfo drain(@PathVariable("id") String id) {
        return workers.drain(id, true);
    }

    /** What a removal did. */
    record Removed(String message, String workerId) {}

    @DeleteMapping("/api/workers/{id}")
    @Operation(
            summary = "Remove a worker that is gone for good from the list (not alive, no accounts assigned); it is "
                    + "listed again if it ever reports")
    Removed forget(@PathVariable("id") String id) {
        workers.forget(id);
        return new Removed("Worker removed from the list", id);
    }

    @DeleteMapping("/api/workers/{id}/drain")
    @Operation(summary = "Stop draining the worker: it takes accounts again (moved ones stay where they are)")
    WorkerInfo undrain(@PathVariable("id") String id) {
        return workers.drain(id, false);
    }
}
