package io.wamonitor.simulator.control;

import io.wamonitor.simulator.network.SimException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals as problem responses with a code, for the control API and the page alike. */
@RestControllerAdvice
class SimProblems {

    @ExceptionHandler(SimException.class)
    ResponseEntity<ProblemDetail> refused(SimException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setProperty("code", e.code());
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "malformed JSON body");
        problem.setProperty("code", "MALFORMED_REQUEST");
        return ResponseEntity.badRequest().body(problem);
    }
}
