package io.wamonitor.gateway.web;

import io.wamonitor.gateway.api.Problems;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests before Spring sees them (a {@code %00} or {@code %2F} in the path, a malformed
 * request line or header, headers over the size limit) and answers them with its own HTML page. This valve
 * takes the place of Tomcat's error report so those answers are problems with a stable code too. It runs
 * outside Spring, so it builds the JSON itself from fixed text: nothing from the request is echoed.
 */
public class ContainerErrorValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // The same guard as Tomcat's own report: nothing for success, nothing if a body was already written
        // (Spring answered), and report each error once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = known != null ? Problems.codeFor(known) : (status < 500 ? "BAD_REQUEST" : "INTERNAL_ERROR");
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status < 500
                ? "The request could not be understood: check the URL, its escapes and the headers"
                : "The server could not handle this request";
        String body = "{\"type\":\"" + Problems.typeFor(code) + "\","
                + "\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\","
                + "\"code\":\"" + code + "\"}";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the answer was already started; there is nobody left to tell.
        }
    }
}
