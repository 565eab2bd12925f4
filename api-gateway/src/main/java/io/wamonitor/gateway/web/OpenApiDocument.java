package io.wamonitor.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /openapi.json (browsable at /docs) is the API's reference: its API-key security
 * scheme, and for every operation the problem answers it can give (RFC 9457, {@code application/problem+json},
 * with a stable {@code code}) besides the success answer each controller declares by its return type.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String PROBLEM = "Problem";
    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("WhatsApp Monitoring Platform API")
                        .version("1.0")
                        .description("Run many WhatsApp accounts from one REST API: link them by QR code, watch "
                                + "their screen, receive their messages on a webhook, send text and media. Every "
                                + "/api route except GET /api needs an API key (X-Api-Key or Authorization: Bearer). "
                                + "Errors are RFC 9457 problem documents with a stable `code`.")
                        .license(new License().name("MIT").identifier("MIT")))
                .addServersItem(new Server().url("/").description("This gateway"))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key")
                                        .description("An API key from API_KEYS, or the one printed at the first start"))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The same API key as a bearer token")));
    }

    /**
     * Security and problem answers on every operation; media URLs (signed) and GET /api are public, said so with an
     * empty security requirement.
     */
    @Bean
    OpenApiCustomizer problemsAndSecurity() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths()
                    .forEach((path, item) ->
                            item.readOperationsMap().forEach((method, op) -> describe(path, method, op)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation op) {
        boolean secured = path.startsWith("/api") && !("/api".equals(path) && method == PathItem.HttpMethod.GET);
        if (secured) {
            op.addSecurityItem(new SecurityRequirement().addList(API_KEY));
            op.addSecurityItem(new SecurityRequirement().addList(BEARER));
        } else {
            op.setSecurity(List.of(new SecurityRequirement()));
        }
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        addProblem(
                responses,
                "400",
                "Malformed or invalid request (MALFORMED_REQUEST, VALIDATION_FAILED, ...)",
                hasInput(op, path));
        addProblem(responses, "401", "No or a wrong API key (UNAUTHORIZED)", secured);
        addProblem(
                responses,
                "403",
                "The signed URL is wrong or has expired (MEDIA_URL_INVALID, SCREENSHOT_URL_INVALID)",
                path.startsWith("/media/") || path.startsWith("/incident-screenshots/"));
        addProblem(
                responses,
                "404",
                "No such account or resource (ACCOUNT_NOT_FOUND, NOT_FOUND, ...)",
                path.contains("{"));
        addProblem(
                responses,
                "409",
                "The account's state does not allow it (ACCOUNT_NOT_READY, ...)",
                path.startsWith("/api/accounts/{id}/") && method == PathItem.HttpMethod.POST);
        addProblem(responses, "429", "Too many requests (RATE_LIMITED), with Retry-After", secured);
        addProblem(
                responses,
                "500",
                "A bug: the answer carries an error_id that is also in the log " + "(INTERNAL_ERROR)",
                true);
        op.setResponses(responses);
    }

    private static boolean hasInput(Operation op, String path) {
        return op.getRequestBody() != null
                || (op.getParameters() != null && !op.getParameters().isEmpty())
                || path.contains("{");
    }

    private static void addProblem(ApiResponses responses, String status, String description, boolean applies) {
        if (applies && !responses.containsKey(status)) {
            responses.addApiResponse(
                    status,
                    new ApiResponse()
                            .description(description)
                            .content(new Content()
                                    .addMediaType(
                                            "application/problem+json",
                                            new MediaType()
                                                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("An RFC 9457 problem document; `code` is stable, for programs")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("ACCOUNT_NOT_FOUND"))
                .addProperty(
                        "errors", new ArraySchema().items(fieldError).description("VALIDATION_FAILED: each bad field"))
                .addProperty(
                        "account_status",
                        new StringSchema()
                                .description("The account's status, when it " + "is why the request was refused"))
                .addProperty("limit", new IntegerSchema().description("ACCOUNT_LIMIT_REACHED: the limit"))
                .addProperty("error_id", new StringSchema().description("INTERNAL_ERROR: quote it in a report"))
                .required(List.of("type", "title", "status", "code"));
    }
}
