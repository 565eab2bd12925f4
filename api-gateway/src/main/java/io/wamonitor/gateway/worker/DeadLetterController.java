package io.wamonitor.gateway.worker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.gateway.api.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operations", description = "Dead-letter queues: what could never be handled, and replaying it")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/dead-letters")
    @Operation(summary = "The dead-letter queues and how many messages wait in each")
    List<DeadLetters.DeadLetterQueue> list() {
        return deadLetters.list();
    }

    @PostMapping("/api/dead-letters/{queue}/replay")
    @Operation(
            summary = "Move a queue's dead letters back to it (after fixing what made them fail)",
            description = "`queue` is `gateway.events` or `worker.<worker id>.commands` (as listed by "
                    + "`GET /api/dead-letters`). Moves up to 10000 messages, oldest "
                    + "first; each is handled again as if new (consumers drop what they already handled).")
    DeadLetters.Replayed replay(@PathVariable String queue) {
        return deadLetters
                .replay(queue)
                .orElseThrow(() -> ApiProblem.of(
                        HttpStatus.NOT_FOUND, "QUEUE_NOT_FOUND", "No dead-letter queue is called " + queue));
    }
}
