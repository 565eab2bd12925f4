package io.wamonitor.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wamonitor.contracts.AccountStatus;
import io.wamonitor.contracts.command.SendMessage;
import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.gateway.account.AccountIds;
import io.wamonitor.gateway.account.AccountService;
import io.wamonitor.gateway.account.AccountView;
import io.wamonitor.gateway.api.ApiProblem;
import io.wamonitor.gateway.api.InvalidRequestException;
import io.wamonitor.gateway.security.MediaFetcher;
import io.wamonitor.gateway.security.OutboundGuard;
import io.wamonitor.gateway.worker.WorkerRequests;
import io.wamonitor.gateway.worker.WorkerUnavailableException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Sends a message at most once. The request's shape is checked first (so a malformed one always gets the same
 * answer and costs nothing), then the account's state, the Idempotency-Key and the rate limit; the command goes to
 * the worker with a deadline, and the request waits up to {@code WORKER_REPLY_TIMEOUT} for the result event. A
 * request that gave up waiting answers 503 while its key stays bound to the command: the late result settles it.
 */
@Service
class SendService {

    private static final String IDEMPOTENCY_KEY_SHAPE = "[\\x21-\\x7e]{1,255}";

    private final AccountService accounts;
    private final WorkerRequests worker;
    private final OutboundGuard guard;
    private final MediaFetcher fetcher;
    private final long mediaMaxBytes;
    private final SendLimits limits;
    private final IdempotencyKeys idempotency;
    private final PendingSends pending;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    SendService(
            AccountService accounts,
            WorkerRequests worker,
            OutboundGuard guard,
            MediaFetcher fetcher,
            @Value("${wamonitor.messaging.media-max-bytes:16777216}") long mediaMaxBytes,
            SendLimits limits,
            IdempotencyKeys idempotency,
            PendingSends pending,
            ObjectMapper json,
            MeterRegistry meters,
            Clock clock) {
        this.accounts = accounts;
        this.worker = worker;
        this.guard = guard;
        this.fetcher = fetcher;
        this.mediaMaxBytes = mediaMaxBytes;
        this.limits = limits;
        this.idempotency = idempotency;
        this.pending = pending;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    /** The answer to a send request; {@code replayed} when it is the stored answer to an earlier request. */
    record Reply(SendAnswer answer, boolean replayed) {}

    Reply send(String id, String idempotencyKey, SendRequest request) {
        AccountView account = accounts.get(AccountIds.parse(id).toString());
        if (idempotencyKey != null && !idempotencyKey.matches(IDEMPOTENCY_KEY_SHAPE)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        OutgoingMessage outgoing = OutgoingMessage.of(request, guard, mediaMaxBytes);
        if (account.status() != AccountStatus.READY) {
            throw ApiProblem.of(
                            HttpStatus.CONFLICT,
                            "ACCOUNT_NOT_READY",
                            "The account must be READY; it is " + account.status())
                    .with("account_status", account.status().name());
        }
        if (idempotencyKey == null) {
            return new Reply(answer(execute(account, outgoing, null, null)), false);
        }
        IdempotencyKeys.Claim claim = idempotency.claim(account.id(), idempotencyKey, fingerprint(request));
        if (claim instanceof IdempotencyKeys.Claim.Replay replay) {
            return new Reply(answer(replay.outcome()), true);
        }
        if (claim instanceof IdempotencyKeys.Claim.InProgress) {
            throw ApiProblem.of(
                    HttpStatus.CONFLICT,
                    "IDEMPOTENCY_IN_PROGRESS",
                    "A request with this "
                            + "Idempotency-Key is still being processed; its outcome is kept for the next retry");
        }
        if (claim instanceof IdempotencyKeys.Claim.Mismatch) {
            throw ApiProblem.of(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for a different request");
        }
        String token = ((IdempotencyKeys.Claim.Claimed) claim).token();
        return new Reply(answer(execute(account, outgoing, idempotencyKey, token)), false);
    }

    /**
     * Runs the send and returns how it ended. Up to the moment the command is handed to the broker nothing can
     * have been sent, so a failure there frees the key; after it, the key stays bound to the command.
     */
    private SendOutcome execute(AccountView account, OutgoingMessage outgoing, String key, String token) {
        UUID commandId = UUID.randomUUID();
        CompletableFuture<SendResult> result;
        Timer.Sample sample;
        try {
            OptionalLong wait = limits.acquire(account.id());
            if (wait.isPresent()) {
                throw new RateLimitedException(wait.getAsLong());
            }
            SendMessage command = outgoing.toCommand(fetcher, clock.instant().plus(worker.replyTimeout()));
            if (key != null && !idempotency.bind(account.id(), key, token, commandId, outgoing.chatId())) {
                throw ApiProblem.of(
                        HttpStatus.CONFLICT,
                        "IDEMPOTENCY_IN_PROGRESS",
                        "Another request with "
                                + "this Idempotency-Key took it over while this one was preparing; nothing was sent");
            }
            result = pending.expect(commandId);
            sample = Timer.start(meters);
            if (!worker.send(UUID.fromString(account.id()), commandId, command)) {
                pending.forget(commandId);
                throw new WorkerUnavailableException("the send could not be handed to RabbitMQ; nothing was sent");
            }
        } catch (RuntimeException notSent) {
            if (key != null) {
                idempotency.release(account.id(), key, token);
            }
            throw notSent;
        }
        SendResult finished;
        try {
            finished = result.get(worker.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.forget(commandId);
            throw new WorkerUnavailableException("no worker reported the send within "
                    + worker.replyTimeout().toSeconds() + " s; it may still go out"
                    + (key != null ? ", and the Idempotency-Key will then give its outcome" : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerUnavailableException("interrupted while waiting for the worker");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        sample.stop(Timer.builder("wamonitor.messages.send.duration")
                .description("From handing a send to the worker to WhatsApp's answer")
                .tag("outcome", SendOutcome.metricOutcome(finished))
                .publishPercentileHistogram()
                .register(meters));
        return SendOutcome.of(finished, outgoing.chatId());
    }

    private static SendAnswer answer(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Refused refused) {
            throw refused.problem();
        }
        return ((SendOutcome.Sent) outcome).answer();
    }

    private String fingerprint(SendRequest request) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
