package io.wamonitor.gateway.media;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wamonitor.gateway.api.ApiProblem;
import java.nio.charset.StandardCharsets;
import org.bson.types.ObjectId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Media", description = "Media of captured messages, at the signed URLs sent in webhooks")
class MediaController {

    private final MediaStore media;

    MediaController(MediaStore media) {
        this.media = media;
    }

    @GetMapping("/media/{id}")
    @Operation(summary = "Download a message's media; the URL is signed and expires (no API key needed)")
    ResponseEntity<byte[]> download(
            @PathVariable String id,
            @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature) {
        // Media ids are GridFS ids: anything else was never signed as media (other signed URLs sign other subjects).
        if (expires == null || !ObjectId.isValid(id) || !media.validSignature(id, expires, signature)) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "MEDIA_URL_INVALID", "This media URL is invalid or has expired");
        }
        MediaStore.Media found = media.load(id)
                .orElseThrow(
                        () -> ApiProblem.of(HttpStatus.NOT_FOUND, "MEDIA_NOT_FOUND", "This media no longer exists"));
        MediaType type;
        try {
            type = MediaType.parseMediaType(found.mimetype() == null ? "application/octet-stream" : found.mimetype());
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        ResponseEntity.BodyBuilder response =
                ResponseEntity.ok().contentType(type).header("X-Content-Type-Options", "nosniff");
        if (found.filename() != null) {
            response.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(found.filename(), StandardCharsets.UTF_8)
                            .build()
                            .toString());
        }
        return response.body(found.bytes());
    }
}
